using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_customers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastInteractionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_domain_event_deliveries",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subscriber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_domain_event_deliveries", x => new { x.EventId, x.Subscriber });
                });

            migrationBuilder.CreateTable(
                name: "crm_domain_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_domain_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_job_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Arguments = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_permission_grants",
                columns: table => new
                {
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Permission = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_permission_grants", x => new { x.Role, x.Permission });
                });

            migrationBuilder.CreateTable(
                name: "crm_permissions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_permissions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "crm_plugin_settings",
                columns: table => new
                {
                    PluginId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: true),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_plugin_settings", x => x.PluginId);
                });

            migrationBuilder.CreateTable(
                name: "crm_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_search_terms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Term = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_search_terms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_security_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UserName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_security_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_segments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_tags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_timeline_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_timeline_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_contacts_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_customer_addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Street = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_customer_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_customer_addresses_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_customer_figures",
                columns: table => new
                {
                    FigureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    NumberValue = table.Column<double>(type: "double precision", nullable: true),
                    DateValue = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_customer_figures", x => new { x.FigureId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_crm_customer_figures_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_interactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_interactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_interactions_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_role_claims_crm_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "crm_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_segment_members",
                columns: table => new
                {
                    SegmentId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_segment_members", x => new { x.SegmentId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_crm_segment_members_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_crm_segment_members_crm_segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "crm_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_customer_tags",
                columns: table => new
                {
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    TagId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_customer_tags", x => new { x.CustomerId, x.TagId });
                    table.ForeignKey(
                        name: "FK_crm_customer_tags_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_crm_customer_tags_crm_tags_TagId",
                        column: x => x.TagId,
                        principalTable: "crm_tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_user_claims_crm_users_UserId",
                        column: x => x.UserId,
                        principalTable: "crm_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_crm_user_logins_crm_users_UserId",
                        column: x => x.UserId,
                        principalTable: "crm_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_crm_user_roles_crm_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "crm_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_crm_user_roles_crm_users_UserId",
                        column: x => x.UserId,
                        principalTable: "crm_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_crm_user_tokens_crm_users_UserId",
                        column: x => x.UserId,
                        principalTable: "crm_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_interaction_contacts",
                columns: table => new
                {
                    InteractionId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_interaction_contacts", x => new { x.InteractionId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_crm_interaction_contacts_crm_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "crm_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_crm_interaction_contacts_crm_interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "crm_interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_interaction_users",
                columns: table => new
                {
                    InteractionId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_interaction_users", x => new { x.InteractionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_crm_interaction_users_crm_interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "crm_interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_audit_entries_OccurredAt",
                table: "crm_audit_entries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_audit_entries_Owner_Entity_EntityKey_OccurredAt",
                table: "crm_audit_entries",
                columns: new[] { "Owner", "Entity", "EntityKey", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_contacts_CustomerId",
                table: "crm_contacts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_addresses_CustomerId",
                table: "crm_customer_addresses",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_figures_CustomerId",
                table: "crm_customer_figures",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_tags_TagId",
                table: "crm_customer_tags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_Industry_IsArchived",
                table: "crm_customers",
                columns: new[] { "Industry", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_IsArchived_Name",
                table: "crm_customers",
                columns: new[] { "IsArchived", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_LastInteractionAt",
                table: "crm_customers",
                column: "LastInteractionAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customers_OwnerUserId_IsArchived_Name",
                table: "crm_customers",
                columns: new[] { "OwnerUserId", "IsArchived", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_domain_events_CompletedAt",
                table: "crm_domain_events",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_interaction_contacts_ContactId",
                table: "crm_interaction_contacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_CustomerId_Channel_OccurredAt",
                table: "crm_interactions",
                columns: new[] { "CustomerId", "Channel", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_CustomerId_OccurredAt",
                table: "crm_interactions",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_OccurredAt",
                table: "crm_interactions",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_interactions_Status_Channel_OccurredAt",
                table: "crm_interactions",
                columns: new[] { "Status", "Channel", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_job_runs_State_QueuedAt",
                table: "crm_job_runs",
                columns: new[] { "State", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_role_claims_RoleId",
                table: "crm_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "crm_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_search_terms_CustomerId_ContactId",
                table: "crm_search_terms",
                columns: new[] { "CustomerId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_search_terms_Term_CustomerId",
                table: "crm_search_terms",
                columns: new[] { "Term", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_security_events_OccurredAt",
                table: "crm_security_events",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_segment_members_CustomerId",
                table: "crm_segment_members",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_segments_Name",
                table: "crm_segments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_tags_NormalizedName",
                table: "crm_tags",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_timeline_entries_CustomerId_OccurredAt",
                table: "crm_timeline_entries",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_timeline_entries_Key",
                table: "crm_timeline_entries",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_user_claims_UserId",
                table: "crm_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_user_logins_UserId",
                table: "crm_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_user_roles_RoleId",
                table: "crm_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "crm_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "crm_users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_audit_entries");

            migrationBuilder.DropTable(
                name: "crm_customer_addresses");

            migrationBuilder.DropTable(
                name: "crm_customer_figures");

            migrationBuilder.DropTable(
                name: "crm_customer_tags");

            migrationBuilder.DropTable(
                name: "crm_data_protection_keys");

            migrationBuilder.DropTable(
                name: "crm_domain_event_deliveries");

            migrationBuilder.DropTable(
                name: "crm_domain_events");

            migrationBuilder.DropTable(
                name: "crm_interaction_contacts");

            migrationBuilder.DropTable(
                name: "crm_interaction_users");

            migrationBuilder.DropTable(
                name: "crm_job_runs");

            migrationBuilder.DropTable(
                name: "crm_permission_grants");

            migrationBuilder.DropTable(
                name: "crm_permissions");

            migrationBuilder.DropTable(
                name: "crm_plugin_settings");

            migrationBuilder.DropTable(
                name: "crm_role_claims");

            migrationBuilder.DropTable(
                name: "crm_search_terms");

            migrationBuilder.DropTable(
                name: "crm_security_events");

            migrationBuilder.DropTable(
                name: "crm_segment_members");

            migrationBuilder.DropTable(
                name: "crm_timeline_entries");

            migrationBuilder.DropTable(
                name: "crm_user_claims");

            migrationBuilder.DropTable(
                name: "crm_user_logins");

            migrationBuilder.DropTable(
                name: "crm_user_roles");

            migrationBuilder.DropTable(
                name: "crm_user_tokens");

            migrationBuilder.DropTable(
                name: "crm_tags");

            migrationBuilder.DropTable(
                name: "crm_contacts");

            migrationBuilder.DropTable(
                name: "crm_interactions");

            migrationBuilder.DropTable(
                name: "crm_segments");

            migrationBuilder.DropTable(
                name: "crm_roles");

            migrationBuilder.DropTable(
                name: "crm_users");

            migrationBuilder.DropTable(
                name: "crm_customers");
        }
    }
}
