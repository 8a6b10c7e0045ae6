using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Invoicing.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SequenceYear = table.Column<int>(type: "integer", nullable: true),
                    SequenceNumber = table.Column<long>(type: "bigint", nullable: true),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Grouping = table.Column<int>(type: "integer", nullable: false),
                    TaxProfile = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PricesIncludeTax = table.Column<bool>(type: "boolean", nullable: false),
                    CreditedInvoiceId = table.Column<long>(type: "bigint", nullable: true),
                    RunPeriod = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NetTotal = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    TaxTotal = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    GrossTotal = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    PaidTotal = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    CreditedTotal = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_number_sequences",
                columns: table => new
                {
                    Series = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_number_sequences", x => new { x.Series, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "invoicing_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Drafted = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    TaxProfile = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    CreditedLineId = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    TaxProfile = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProfileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Component = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    Base = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Tax = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    TaskName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HourlyRate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
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
