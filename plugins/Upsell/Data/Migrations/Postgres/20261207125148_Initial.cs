using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Upsell.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upsell_evaluation_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    CustomersScanned = table.Column<int>(type: "integer", nullable: false),
                    RuleOutcomes = table.Column<string>(type: "text", nullable: false),
                    Opened = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_evaluation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upsell_opportunities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SituationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "numeric", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ValueSetByUser = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AccountManagerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SnoozedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBecause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClosedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_opportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upsell_rule_settings",
                columns: table => new
                {
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_rule_settings", x => new { x.RuleId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "upsell_rules",
                columns: table => new
                {
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_rules", x => x.RuleId);
                });

            migrationBuilder.CreateTable(
                name: "upsell_staged_hits",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    SituationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "numeric", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    AccountManagerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_staged_hits", x => new { x.RunId, x.RuleId, x.CustomerId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_upsell_evaluation_runs_StartedAt",
                table: "upsell_evaluation_runs",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_upsell_opportunities_AccountManagerUserId",
                table: "upsell_opportunities",
                column: "AccountManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_upsell_opportunities_CustomerId_RuleId",
                table: "upsell_opportunities",
                columns: new[] { "CustomerId", "RuleId" },
                unique: true,
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_upsell_opportunities_OwnerUserId",
                table: "upsell_opportunities",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_upsell_opportunities_RuleId_CustomerId_SituationKey",
                table: "upsell_opportunities",
                columns: new[] { "RuleId", "CustomerId", "SituationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_upsell_opportunities_Stage_Score",
                table: "upsell_opportunities",
                columns: new[] { "Stage", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upsell_evaluation_runs");

            migrationBuilder.DropTable(
                name: "upsell_opportunities");

            migrationBuilder.DropTable(
                name: "upsell_rule_settings");

            migrationBuilder.DropTable(
                name: "upsell_rules");

            migrationBuilder.DropTable(
                name: "upsell_staged_hits");
        }
    }
}
