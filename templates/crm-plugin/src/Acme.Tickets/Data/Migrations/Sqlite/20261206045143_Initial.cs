using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Acme.Tickets.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acme_tickets_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acme_tickets_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acme_tickets_summary_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecentEntries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acme_tickets_summary_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acme_tickets_entries_CustomerId",
                table: "acme_tickets_entries",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_acme_tickets_summary_runs_RunId",
                table: "acme_tickets_summary_runs",
                column: "RunId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acme_tickets_entries");

            migrationBuilder.DropTable(
                name: "acme_tickets_summary_runs");
        }
    }
}
