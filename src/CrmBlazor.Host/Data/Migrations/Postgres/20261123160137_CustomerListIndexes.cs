using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CustomerListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_search_terms_CustomerId_ContactId",
                table: "crm_search_terms");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_Industry_IsArchived",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_Name",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_LastInteractionAt",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_OwnerUserId_IsArchived_Name",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customer_tags_TagId",
                table: "crm_customer_tags");

            migrationBuilder.CreateIndex(
                name: "IX_crm_search_terms_CustomerId_Term",
                table: "crm_search_terms",
                columns: new[] { "CustomerId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_Industry_IsArchived_LastInteractionAt_Id",
                table: "crm_customers",
                columns: new[] { "Industry", "IsArchived", "LastInteractionAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Id",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Industry_Name_Id",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Industry", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_LastInteractionAt_Id",
                table: "crm_customers",
                columns: new[] { "IsArchived", "LastInteractionAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Name_Id",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_OwnerUserId_IsArchived_Name_Id",
                table: "crm_customers",
                columns: new[] { "OwnerUserId", "IsArchived", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_tags_TagId_CustomerId",
                table: "crm_customer_tags",
                columns: new[] { "TagId", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_search_terms_CustomerId_Term",
                table: "crm_search_terms");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_Industry_IsArchived_LastInteractionAt_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_Industry_Name_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_LastInteractionAt_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_Name_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_OwnerUserId_IsArchived_Name_Id",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customer_tags_TagId_CustomerId",
                table: "crm_customer_tags");

            migrationBuilder.CreateIndex(
                name: "IX_crm_search_terms_CustomerId_ContactId",
                table: "crm_search_terms",
                columns: new[] { "CustomerId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_Industry_IsArchived",
                table: "crm_customers",
                columns: new[] { "Industry", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Name",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_LastInteractionAt",
                table: "crm_customers",
                column: "LastInteractionAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_OwnerUserId_IsArchived_Name",
                table: "crm_customers",
                columns: new[] { "OwnerUserId", "IsArchived", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_tags_TagId",
                table: "crm_customer_tags",
                column: "TagId");
        }
    }
}
