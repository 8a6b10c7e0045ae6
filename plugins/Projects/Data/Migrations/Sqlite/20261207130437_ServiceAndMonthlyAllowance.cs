using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceAndMonthlyAllowance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "MonthlyAllowanceHours",
                table: "projects_projects",
                type: "TEXT",
                precision: 8,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceId",
                table: "projects_projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_ServiceId",
                table: "projects_projects",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_projects_projects_ServiceId",
                table: "projects_projects");

            migrationBuilder.DropColumn(
                name: "MonthlyAllowanceHours",
                table: "projects_projects");

            migrationBuilder.DropColumn(
                name: "ServiceId",
                table: "projects_projects");
        }
    }
}
