using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Resources.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Overbookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resources_overbookings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CapacityMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_overbookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_overbookings_resources_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resources_overbookings_PersonId_WeekStart",
                table: "resources_overbookings",
                columns: new[] { "PersonId", "WeekStart" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_resources_overbookings_PersonId_WeekStart_Occurrence",
                table: "resources_overbookings",
                columns: new[] { "PersonId", "WeekStart", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_overbookings_WeekStart_ResolvedAt",
                table: "resources_overbookings",
                columns: new[] { "WeekStart", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resources_overbookings");
        }
    }
}
