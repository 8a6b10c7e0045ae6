using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_respondents",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "BLOB",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "surveys_invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Key",
                table: "surveys_answers",
                type: "TEXT",
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    AudienceId = table.Column<long>(type: "INTEGER", nullable: false),
                    AudienceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Invited = table.Column<int>(type: "INTEGER", nullable: false),
                    WithoutEmail = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyInvited = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Stopped = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    SurveyedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Event = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    SetByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "surveys_answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Id");
        }
    }
}
