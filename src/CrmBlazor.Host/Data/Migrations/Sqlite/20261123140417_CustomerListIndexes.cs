using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_customers_Industry_IsArchived",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_LastInteractionAt",
                table: "crm_customers");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_Industry_IsArchived_LastInteractionAt",
                table: "crm_customers",
                columns: new[] { "Industry", "IsArchived", "LastInteractionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Industry_Name",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Industry", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_LastInteractionAt",
                table: "crm_customers",
                columns: new[] { "IsArchived", "LastInteractionAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_customers_Industry_IsArchived_LastInteractionAt",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_Industry_Name",
                table: "crm_customers");

            migrationBuilder.DropIndex(
                name: "IX_crm_customers_IsArchived_LastInteractionAt",
                table: "crm_customers");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_Industry_IsArchived",
                table: "crm_customers",
                columns: new[] { "Industry", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_LastInteractionAt",
                table: "crm_customers",
                column: "LastInteractionAt");
        }
    }
}
