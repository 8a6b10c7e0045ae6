using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InteractionsByMonthAndChannelIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_interactions_OccurredAt",
                table: "crm_interactions");

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_OccurredAt_Channel",
                table: "crm_interactions",
                columns: new[] { "OccurredAt", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_interactions_OccurredAt_Channel",
                table: "crm_interactions");

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_OccurredAt",
                table: "crm_interactions",
                column: "OccurredAt");
        }
    }
}
