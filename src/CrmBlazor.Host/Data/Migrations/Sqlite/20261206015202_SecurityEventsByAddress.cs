using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityEventsByAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedUserName",
                table: "crm_security_events",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_security_events_NormalizedUserName_Id",
                table: "crm_security_events",
                columns: new[] { "NormalizedUserName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crm_security_events_NormalizedUserName_Id",
                table: "crm_security_events");

            migrationBuilder.DropColumn(
                name: "NormalizedUserName",
                table: "crm_security_events");
        }
    }
}
