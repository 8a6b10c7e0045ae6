using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Resources.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Occurrence = table.Column<int>(type: "integer", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CapacityMinutes = table.Column<int>(type: "integer", nullable: false),
                    AllocatedMinutes = table.Column<int>(type: "integer", nullable: false),
                    NotifiedUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    MessageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
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
