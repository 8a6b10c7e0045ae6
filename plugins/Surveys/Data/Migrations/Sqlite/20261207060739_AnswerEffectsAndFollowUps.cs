using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerEffectsAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys_follow_ups",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    FollowUpId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_follow_ups", x => x.ResponseId);
                    table.ForeignKey(
                        name: "FK_surveys_follow_ups_surveys_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "surveys_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_pending_effects",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_pending_effects", x => x.ResponseId);
                    table.ForeignKey(
                        name: "FK_surveys_pending_effects_surveys_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "surveys_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_respondents_CustomerId_SubmittedAt",
                table: "surveys_respondents",
                columns: new[] { "CustomerId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_follow_ups_SurveyId",
                table: "surveys_follow_ups",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_pending_effects_CreatedAt",
                table: "surveys_pending_effects",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surveys_follow_ups");

            migrationBuilder.DropTable(
                name: "surveys_pending_effects");

            migrationBuilder.DropIndex(
                name: "IX_surveys_respondents_CustomerId_SubmittedAt",
                table: "surveys_respondents");
        }
    }
}
