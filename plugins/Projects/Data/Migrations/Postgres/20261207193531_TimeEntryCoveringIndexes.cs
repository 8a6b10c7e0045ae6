using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimeEntryCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_burn",
                table: "projects_time_entries",
                columns: new[] { "ProjectId", "UserId", "IsBillable", "BilledInvoiceId", "Minutes", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_month",
                table: "projects_time_entries",
                columns: new[] { "Date", "ProjectId", "Minutes", "IsBillable" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_projects_time_entries_burn",
                table: "projects_time_entries");

            migrationBuilder.DropIndex(
                name: "IX_projects_time_entries_month",
                table: "projects_time_entries");
        }
    }
}
