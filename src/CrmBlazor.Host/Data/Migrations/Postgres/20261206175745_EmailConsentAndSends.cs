using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmailConsentAndSends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailConsentAt",
                table: "crm_customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentRecordedBy",
                table: "crm_customers",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentSource",
                table: "crm_customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailOptedOutAt",
                table: "crm_customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailConsentAt",
                table: "crm_contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentRecordedBy",
                table: "crm_contacts",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentSource",
                table: "crm_contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailOptedOutAt",
                table: "crm_contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crm_message_sends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TemplateKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TemplateTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SegmentId = table.Column<long>(type: "bigint", nullable: true),
                    AudienceName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublicAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_message_sends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_message_send_recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SendId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Subject = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    UnsubscribeTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UnsubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_message_send_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_message_send_recipients_crm_message_sends_SendId",
                        column: x => x.SendId,
                        principalTable: "crm_message_sends",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_message_send_recipients_CustomerId",
                table: "crm_message_send_recipients",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_message_send_recipients_SendId_State_Id",
                table: "crm_message_send_recipients",
                columns: new[] { "SendId", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_message_send_recipients_UnsubscribeTokenHash",
                table: "crm_message_send_recipients",
                column: "UnsubscribeTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_message_sends_StartedAt",
                table: "crm_message_sends",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_message_send_recipients");

            migrationBuilder.DropTable(
                name: "crm_message_sends");

            migrationBuilder.DropColumn(
                name: "EmailConsentAt",
                table: "crm_customers");

            migrationBuilder.DropColumn(
                name: "EmailConsentRecordedBy",
                table: "crm_customers");

            migrationBuilder.DropColumn(
                name: "EmailConsentSource",
                table: "crm_customers");

            migrationBuilder.DropColumn(
                name: "EmailOptedOutAt",
                table: "crm_customers");

            migrationBuilder.DropColumn(
                name: "EmailConsentAt",
                table: "crm_contacts");

            migrationBuilder.DropColumn(
                name: "EmailConsentRecordedBy",
                table: "crm_contacts");

            migrationBuilder.DropColumn(
                name: "EmailConsentSource",
                table: "crm_contacts");

            migrationBuilder.DropColumn(
                name: "EmailOptedOutAt",
                table: "crm_contacts");
        }
    }
}
