using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Invoicing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invoicing_invoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SequenceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    SequenceNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Grouping = table.Column<int>(type: "INTEGER", nullable: false),
                    TaxProfile = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PricesIncludeTax = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreditedInvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    RunPeriod = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NetTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TaxTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    GrossTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    PaidTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CreditedTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_number_sequences",
                columns: table => new
                {
                    Series = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_number_sequences", x => new { x.Series, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "invoicing_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Drafted = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TaxProfile = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    CreditedLineId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_lines_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_payments_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_reminders_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_tax_totals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxProfile = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProfileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Tax = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_tax_totals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_tax_totals_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_time_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    TaskName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_time_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_time_entries_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_CreditedInvoiceId",
                table: "invoicing_invoices",
                column: "CreditedInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_CustomerId_Date",
                table: "invoicing_invoices",
                columns: new[] { "CustomerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_CustomerId_RunPeriod",
                table: "invoicing_invoices",
                columns: new[] { "CustomerId", "RunPeriod" },
                unique: true,
                filter: "\"RunPeriod\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_Date",
                table: "invoicing_invoices",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_Kind_SequenceYear_SequenceNumber",
                table: "invoicing_invoices",
                columns: new[] { "Kind", "SequenceYear", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_Number",
                table: "invoicing_invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_invoices_Status_DueDate",
                table: "invoicing_invoices",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_lines_InvoiceId",
                table: "invoicing_lines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_payments_InvoiceId",
                table: "invoicing_payments",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_reminders_InvoiceId_Level",
                table: "invoicing_reminders",
                columns: new[] { "InvoiceId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_runs_PeriodStart",
                table: "invoicing_runs",
                column: "PeriodStart",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_tax_totals_InvoiceId",
                table: "invoicing_tax_totals",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_time_entries_EntryId",
                table: "invoicing_time_entries",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_time_entries_InvoiceId_EntryId",
                table: "invoicing_time_entries",
                columns: new[] { "InvoiceId", "EntryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invoicing_lines");

            migrationBuilder.DropTable(
                name: "invoicing_number_sequences");

            migrationBuilder.DropTable(
                name: "invoicing_payments");

            migrationBuilder.DropTable(
                name: "invoicing_reminders");

            migrationBuilder.DropTable(
                name: "invoicing_runs");

            migrationBuilder.DropTable(
                name: "invoicing_tax_totals");

            migrationBuilder.DropTable(
                name: "invoicing_time_entries");

            migrationBuilder.DropTable(
                name: "invoicing_invoices");
        }
    }
}
