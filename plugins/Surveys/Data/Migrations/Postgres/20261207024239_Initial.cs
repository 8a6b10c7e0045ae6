using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys_surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Languages = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedLoop = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumGroupSize = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveys_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_responses_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "surveys_sections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Titles = table.Column<string>(type: "text", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_sections_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_respondents",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_respondents", x => x.ResponseId);
                    table.ForeignKey(
                        name: "FK_surveys_respondents_surveys_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "surveys_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    SectionId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ScaleMin = table.Column<int>(type: "integer", nullable: true),
                    ScaleMax = table.Column<int>(type: "integer", nullable: true),
                    Texts = table.Column<string>(type: "text", nullable: false),
                    ShowIfQuestionId = table.Column<long>(type: "bigint", nullable: true),
                    ShowIfOperator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ShowIfValue = table.Column<long>(type: "bigint", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_questions_surveys_questions_ShowIfQuestionId",
                        column: x => x.ShowIfQuestionId,
                        principalTable: "surveys_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_surveys_questions_surveys_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "surveys_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_surveys_questions_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_options",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Texts = table.Column<string>(type: "text", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_options_surveys_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "surveys_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    OptionId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_answers_surveys_options_OptionId",
                        column: x => x.OptionId,
                        principalTable: "surveys_options",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_surveys_answers_surveys_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "surveys_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_surveys_answers_surveys_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "surveys_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_answers_OptionId",
                table: "surveys_answers",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_answers_QuestionId_Number",
                table: "surveys_answers",
                columns: new[] { "QuestionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_answers_ResponseId",
                table: "surveys_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_options_QuestionId_Position",
                table: "surveys_options",
                columns: new[] { "QuestionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_questions_SectionId_Position",
                table: "surveys_questions",
                columns: new[] { "SectionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_questions_ShowIfQuestionId",
                table: "surveys_questions",
                column: "ShowIfQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_questions_SurveyId",
                table: "surveys_questions",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_respondents_ContactId",
                table: "surveys_respondents",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_respondents_SurveyId_CustomerId",
                table: "surveys_respondents",
                columns: new[] { "SurveyId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_responses_SurveyId_AnsweredOn",
                table: "surveys_responses",
                columns: new[] { "SurveyId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_sections_SurveyId_Position",
                table: "surveys_sections",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_surveys_CreatedAt",
                table: "surveys_surveys",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surveys_answers");

            migrationBuilder.DropTable(
                name: "surveys_respondents");

            migrationBuilder.DropTable(
                name: "surveys_options");

            migrationBuilder.DropTable(
                name: "surveys_responses");

            migrationBuilder.DropTable(
                name: "surveys_questions");

            migrationBuilder.DropTable(
                name: "surveys_sections");

            migrationBuilder.DropTable(
                name: "surveys_surveys");
        }
    }
}
