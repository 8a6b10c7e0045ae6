using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyPublicLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublicLinkExpiresAt",
                table: "surveys_surveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PublicTokenHash",
                table: "surveys_surveys",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ThroughPublicLink",
                table: "surveys_invitations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_surveys_PublicTokenHash",
                table: "surveys_surveys",
                column: "PublicTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_invitations_ThroughPublicLink_IsAnswered_ExpiresAt",
                table: "surveys_invitations",
                columns: new[] { "ThroughPublicLink", "IsAnswered", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_surveys_surveys_PublicTokenHash",
                table: "surveys_surveys");

            migrationBuilder.DropIndex(
                name: "IX_surveys_invitations_ThroughPublicLink_IsAnswered_ExpiresAt",
                table: "surveys_invitations");

            migrationBuilder.DropColumn(
                name: "PublicLinkExpiresAt",
                table: "surveys_surveys");

            migrationBuilder.DropColumn(
                name: "PublicTokenHash",
                table: "surveys_surveys");

            migrationBuilder.DropColumn(
                name: "ThroughPublicLink",
                table: "surveys_invitations");
        }
    }
}
