using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnswersCarryTheirSurveyAndDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnsweredOn",
                table: "surveys_answers",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "SurveyId",
                table: "surveys_answers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Answers given before this migration take their response's survey and day.
            migrationBuilder.Sql(
                """
                UPDATE surveys_answers SET
                    "SurveyId" = (SELECT r."SurveyId" FROM surveys_responses r WHERE r."Id" = surveys_answers."ResponseId"),
                    "AnsweredOn" = (SELECT r."AnsweredOn" FROM surveys_responses r WHERE r."Id" = surveys_answers."ResponseId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_answers_SurveyId_QuestionId_AnsweredOn_Number",
                table: "surveys_answers",
                columns: new[] { "SurveyId", "QuestionId", "AnsweredOn", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_answers_SurveyId_QuestionId_Number_OptionId",
                table: "surveys_answers",
                columns: new[] { "SurveyId", "QuestionId", "Number", "OptionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_surveys_answers_SurveyId_QuestionId_AnsweredOn_Number",
                table: "surveys_answers");

            migrationBuilder.DropIndex(
                name: "IX_surveys_answers_SurveyId_QuestionId_Number_OptionId",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "AnsweredOn",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "SurveyId",
                table: "surveys_answers");
        }
    }
}
