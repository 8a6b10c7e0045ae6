using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InteractionFollowUpKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUpKey",
                table: "crm_interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_FollowUpKey",
                table: "crm_interactions",
                column: "FollowUpKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_interactions_FollowUpKey",
                table: "crm_interactions");

            migrationBuilder.DropColumn(
                name: "FollowUpKey",
                table: "crm_interactions");
        }
    }
}
