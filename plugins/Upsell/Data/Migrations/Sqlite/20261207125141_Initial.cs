using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Upsell.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomersScanned = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleOutcomes = table.Column<string>(type: "TEXT", nullable: false),
                    Opened = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_evaluation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upsell_opportunities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SituationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ValueSetByUser = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AccountManagerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SnoozedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBecause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_opportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upsell_rule_settings",
                columns: table => new
                {
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_rule_settings", x => new { x.RuleId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "upsell_rules",
                columns: table => new
                {
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upsell_rules", x => x.RuleId);
                });

            migrationBuilder.CreateTable(
                name: "upsell_staged_hits",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    SituationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AccountManagerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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
