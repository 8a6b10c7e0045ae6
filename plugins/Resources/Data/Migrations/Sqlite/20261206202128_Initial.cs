using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Resources.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resources_holiday_calendars",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_holiday_calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resources_teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resources_public_holidays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_public_holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_public_holidays_resources_holiday_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "resources_holiday_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resources_people",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    ManagerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HolidayCalendarId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedByPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_people_resources_holiday_calendars_HolidayCalendarId",
                        column: x => x.HolidayCalendarId,
                        principalTable: "resources_holiday_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_resources_people_resources_people_ReplacedByPersonId",
                        column: x => x.ReplacedByPersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_resources_people_resources_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "resources_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "resources_allocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IsTentative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_allocations_resources_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resources_person_skills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_person_skills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_person_skills_resources_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resources_time_off",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Portion = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_time_off", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_time_off_resources_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resources_work_schedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MondayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TuesdayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WednesdayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ThursdayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FridayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SaturdayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SundayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources_work_schedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resources_work_schedules_resources_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "resources_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resources_allocations_PersonId_StartDate_EndDate",
                table: "resources_allocations",
                columns: new[] { "PersonId", "StartDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_allocations_ProjectId_StartDate",
                table: "resources_allocations",
                columns: new[] { "ProjectId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_holiday_calendars_Code",
                table: "resources_holiday_calendars",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_people_HolidayCalendarId",
                table: "resources_people",
                column: "HolidayCalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_resources_people_ManagerUserId",
                table: "resources_people",
                column: "ManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_resources_people_ReplacedByPersonId",
                table: "resources_people",
                column: "ReplacedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_resources_people_TeamId",
                table: "resources_people",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_resources_people_UserId",
                table: "resources_people",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_person_skills_PersonId_Skill",
                table: "resources_person_skills",
                columns: new[] { "PersonId", "Skill" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_person_skills_Skill",
                table: "resources_person_skills",
                column: "Skill");

            migrationBuilder.CreateIndex(
                name: "IX_resources_public_holidays_CalendarId_Date",
                table: "resources_public_holidays",
                columns: new[] { "CalendarId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_teams_Name",
                table: "resources_teams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resources_time_off_PersonId_StartDate_EndDate",
                table: "resources_time_off",
                columns: new[] { "PersonId", "StartDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_work_schedules_PersonId_EffectiveFrom",
                table: "resources_work_schedules",
                columns: new[] { "PersonId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resources_allocations");

            migrationBuilder.DropTable(
                name: "resources_person_skills");

            migrationBuilder.DropTable(
                name: "resources_public_holidays");

            migrationBuilder.DropTable(
                name: "resources_time_off");

            migrationBuilder.DropTable(
                name: "resources_work_schedules");

            migrationBuilder.DropTable(
                name: "resources_people");

            migrationBuilder.DropTable(
                name: "resources_holiday_calendars");

            migrationBuilder.DropTable(
                name: "resources_teams");
        }
    }
}
