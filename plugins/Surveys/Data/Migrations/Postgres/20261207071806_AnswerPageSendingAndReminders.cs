using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnswerPageSendingAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "surveys_answers");

            migrationBuilder.AddColumn<int>(
                name: "RemindAfterDays",
                table: "surveys_surveys",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_respondents",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "bytea",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "surveys_invitations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemindedAt",
                table: "surveys_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Key",
                table: "surveys_answers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Key");

            migrationBuilder.CreateTable(
                name: "surveys_sends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    AudienceId = table.Column<long>(type: "bigint", nullable: false),
                    AudienceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidDays = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    Invited = table.Column<int>(type: "integer", nullable: false),
                    WithoutEmail = table.Column<int>(type: "integer", nullable: false),
                    AlreadyInvited = table.Column<int>(type: "integer", nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Stopped = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_sends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_sends_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_surveyed_projects",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    SurveyedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_surveyed_projects", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_surveys_surveyed_projects_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_triggers",
                columns: table => new
                {
                    Event = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    SetByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_triggers", x => x.Event);
                    table.ForeignKey(
                        name: "FK_surveys_triggers_surveys_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_sends_SurveyId_StartedAt",
                table: "surveys_sends",
                columns: new[] { "SurveyId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_surveyed_projects_SurveyId",
                table: "surveys_surveyed_projects",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_triggers_SurveyId",
                table: "surveys_triggers",
                column: "SurveyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surveys_sends");

            migrationBuilder.DropTable(
                name: "surveys_surveyed_projects");

            migrationBuilder.DropTable(
                name: "surveys_triggers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "RemindAfterDays",
                table: "surveys_surveys");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "surveys_invitations");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "surveys_invitations");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "surveys_answers");

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_respondents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "bytea",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "surveys_answers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Id");
        }
    }
}
