using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "projects_projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    BillingMode = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    BudgetHours = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    BudgetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "projects_budget_crossings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Used = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CrossedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_budget_crossings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_budget_crossings_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_milestones_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_person_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_person_rates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_person_rates_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsBillable = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_tasks_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_time_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IsBillable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BilledInvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    BilledDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_time_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_time_entries_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_projects_time_entries_projects_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "projects_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_projects_budget_crossings_ProjectId_Measure_ThresholdPercent",
                table: "projects_budget_crossings",
                columns: new[] { "ProjectId", "Measure", "ThresholdPercent" },
                unique: true,
                filter: "\"ClearedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_projects_milestones_ProjectId",
                table: "projects_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_person_rates_ProjectId_UserId",
                table: "projects_person_rates",
                columns: new[] { "ProjectId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_CustomerId_Status",
                table: "projects_projects",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_Status",
                table: "projects_projects",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_projects_tasks_ProjectId",
                table: "projects_tasks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_BilledInvoiceId",
                table: "projects_time_entries",
                column: "BilledInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_ProjectId_Date",
                table: "projects_time_entries",
                columns: new[] { "ProjectId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_TaskId",
                table: "projects_time_entries",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_time_entries_UserId_Date",
                table: "projects_time_entries",
                columns: new[] { "UserId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projects_budget_crossings");

            migrationBuilder.DropTable(
                name: "projects_milestones");

            migrationBuilder.DropTable(
                name: "projects_person_rates");

            migrationBuilder.DropTable(
                name: "projects_time_entries");

            migrationBuilder.DropTable(
                name: "projects_tasks");

            migrationBuilder.DropTable(
                name: "projects_projects");
        }
    }
}
