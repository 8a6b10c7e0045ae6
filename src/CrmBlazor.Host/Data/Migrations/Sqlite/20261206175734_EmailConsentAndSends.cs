using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailConsentAndSends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailConsentAt",
                table: "crm_customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentRecordedBy",
                table: "crm_customers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentSource",
                table: "crm_customers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailOptedOutAt",
                table: "crm_customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailConsentAt",
                table: "crm_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentRecordedBy",
                table: "crm_contacts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentSource",
                table: "crm_contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailOptedOutAt",
                table: "crm_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crm_message_sends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TemplateTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SegmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AudienceName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PublicAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_message_sends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_message_send_recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SendId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UnsubscribeTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UnsubscribedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
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
