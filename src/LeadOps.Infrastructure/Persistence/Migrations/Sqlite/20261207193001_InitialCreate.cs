using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadOps.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Psid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EscalationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCustomerMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InboxOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessagePreview = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CustomerLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CustomerPictureFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProfileCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralRef = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralAdId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralAdTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralPostId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralPhotoUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferralVideoUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferralProductId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferralRefererUri = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OptinType = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OptinTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OptinPayload = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OptinFrequency = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OptinStatus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OptinProtectedToken = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OptinTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OptedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactEmailKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ContactPhoneKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ThreadOwnerAppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ThreadControlAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredElsewhereAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxPreferences",
                columns: table => new
                {
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AmberMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RedMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxPreferences", x => x.OwnerId);
                });

            migrationBuilder.CreateTable(
                name: "Integrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadAlerts = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationAlerts = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PageName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TokenLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    TokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GrantedScopes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MissingPermissions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FormsListingMissingPermissions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WebhookSubscribed = table.Column<bool>(type: "INTEGER", nullable: true),
                    NeedsReconnect = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsFromEnvironment = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCheckMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastWebhookAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WelcomeEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    WelcomeSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WelcomeBody = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    LeadgenSubscribed = table.Column<bool>(type: "INTEGER", nullable: true),
                    SubscriptionConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubscriptionCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubscriptionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HasLeadAccess = table.Column<bool>(type: "INTEGER", nullable: true),
                    LeadAccessNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastMissAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncPausedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncPauseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FormsProbedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PageCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MessagingPolicy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MessagingPolicyReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MessagingPolicyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalationPayload = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProfileAccessRefusedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProfileAccessRefusal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Integrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FacebookLeadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FacebookLeadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AdId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AdName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AdsetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AdsetName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CampaignName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsOrganic = table.Column<bool>(type: "INTEGER", nullable: true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RetailerItemId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HomeListingId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    VehicleId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PostId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedTimeKnown = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    WelcomeStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StageKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StageEnteredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PipelineStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MetaEventName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineStages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetrievalRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: true),
                    Until = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Retrieved = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Existing = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Warning = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrievalRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Digest = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnknownPageIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Events = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationSearchTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationSearchTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationSearchTerms_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessengerMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostbackPayload = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QuickReplyPayload = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReplyToMid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OriginalText = table.Column<string>(type: "TEXT", nullable: true),
                    EditCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReactionEmoji = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReactionName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SenderUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Mid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MessagingType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FailureKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessengerMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessengerMessages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversionsLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AccessTokenProtected = table.Column<string>(type: "TEXT", nullable: false),
                    TestEventCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionsLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversionsLinks_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HeldMessengerEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Psid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleaseAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SetAsideAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldMessengerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldMessengerEvents_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeadsCount = table.Column<int>(type: "INTEGER", nullable: true),
                    SyncEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSyncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSyncNewLeads = table.Column<int>(type: "INTEGER", nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    WelcomeConsentKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountGap = table.Column<int>(type: "INTEGER", nullable: true),
                    SyncRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconciledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconcileMetaCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReconcileStoredCount = table.Column<int>(type: "INTEGER", nullable: true),
                    FullWalkRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconcileFoundGap = table.Column<bool>(type: "INTEGER", nullable: false),
                    TestLeadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TestLeadSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationForms_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: false),
                    StageKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TestMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EventsReceived = table.Column<int>(type: "INTEGER", nullable: true),
                    FbTraceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversionEvents_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadNotes_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadSearchTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadSearchTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadSearchTerms_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStageKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FromStageName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ToStageKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToStageName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadStageChanges_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FanOutAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SetAsideAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextFanOutAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingEvents_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredFileBytes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFileBytes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredFileBytes_StoredFiles_Id",
                        column: x => x.Id,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveryFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveryFailures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveryFailures_WebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveryPages",
                columns: table => new
                {
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveryPages", x => new { x.DeliveryId, x.PageId });
                    table.ForeignKey(
                        name: "FK_WebhookDeliveryPages_WebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EndpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryAttempts_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EndpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingDeliveries_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    StickerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Copy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CopyNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageAttachments_MessengerMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "MessengerMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_OwnerId",
                table: "ApiKeys",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_OwnerId_FormToken",
                table: "ApiKeys",
                columns: new[] { "OwnerId", "FormToken" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OwnerId",
                table: "AuditEntries",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OwnerId_At",
                table: "AuditEntries",
                columns: new[] { "OwnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId",
                table: "Conversations",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_ContactEmailKey",
                table: "Conversations",
                columns: new[] { "OwnerId", "ContactEmailKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_ContactPhoneKey",
                table: "Conversations",
                columns: new[] { "OwnerId", "ContactPhoneKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_InboxOrder_Id",
                table: "Conversations",
                columns: new[] { "OwnerId", "InboxOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_PageId_Psid",
                table: "Conversations",
                columns: new[] { "OwnerId", "PageId", "Psid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_PageId_State_InboxOrder_Id",
                table: "Conversations",
                columns: new[] { "OwnerId", "PageId", "State", "InboxOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_ReferralAdId",
                table: "Conversations",
                columns: new[] { "OwnerId", "ReferralAdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerId_State_InboxOrder_Id",
                table: "Conversations",
                columns: new[] { "OwnerId", "State", "InboxOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationSearchTerms_ConversationId",
                table: "ConversationSearchTerms",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationSearchTerms_OwnerId",
                table: "ConversationSearchTerms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationSearchTerms_OwnerId_Term_ConversationId",
                table: "ConversationSearchTerms",
                columns: new[] { "OwnerId", "Term", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionEvents_LeadId_CreatedAt",
                table: "ConversionEvents",
                columns: new[] { "LeadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionEvents_OwnerId",
                table: "ConversionEvents",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversionEvents_Status_NextAttemptAt",
                table: "ConversionEvents",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionsLinks_IntegrationId",
                table: "ConversionsLinks",
                column: "IntegrationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversionsLinks_OwnerId",
                table: "ConversionsLinks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversionsLinks_OwnerId_IntegrationId",
                table: "ConversionsLinks",
                columns: new[] { "OwnerId", "IntegrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAttempts_EndpointId_At",
                table: "DeliveryAttempts",
                columns: new[] { "EndpointId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAttempts_OwnerId",
                table: "DeliveryAttempts",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldMessengerEvents_IntegrationId_DeliveryId_Ordinal",
                table: "HeldMessengerEvents",
                columns: new[] { "IntegrationId", "DeliveryId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldMessengerEvents_OwnerId",
                table: "HeldMessengerEvents",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxPreferences_OwnerId",
                table: "InboxPreferences",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationForms_IntegrationId_FormId",
                table: "IntegrationForms",
                columns: new[] { "IntegrationId", "FormId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationForms_OwnerId",
                table: "IntegrationForms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationForms_SyncEnabled_LastSyncedAt",
                table: "IntegrationForms",
                columns: new[] { "SyncEnabled", "LastSyncedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Integrations_OwnerId",
                table: "Integrations",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Integrations_OwnerId_PageId",
                table: "Integrations",
                columns: new[] { "OwnerId", "PageId" },
                unique: true,
                filter: "\"IsFromEnvironment\" = 0 AND \"PageId\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Integrations_PageId",
                table: "Integrations",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadFailures_OwnerId",
                table: "LeadFailures",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadFailures_OwnerId_FacebookLeadId",
                table: "LeadFailures",
                columns: new[] { "OwnerId", "FacebookLeadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadFailures_OwnerId_LastFailedAt",
                table: "LeadFailures",
                columns: new[] { "OwnerId", "LastFailedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadNotes_LeadId_At",
                table: "LeadNotes",
                columns: new[] { "LeadId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadNotes_OwnerId",
                table: "LeadNotes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId",
                table: "Leads",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_AdId",
                table: "Leads",
                columns: new[] { "OwnerId", "AdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_CreatedTime",
                table: "Leads",
                columns: new[] { "OwnerId", "CreatedTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_EmailKey",
                table: "Leads",
                columns: new[] { "OwnerId", "EmailKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_FacebookLeadId",
                table: "Leads",
                columns: new[] { "OwnerId", "FacebookLeadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_FirstSeenAt",
                table: "Leads",
                columns: new[] { "OwnerId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_FormId_CreatedTime",
                table: "Leads",
                columns: new[] { "OwnerId", "FormId", "CreatedTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_PhoneKey",
                table: "Leads",
                columns: new[] { "OwnerId", "PhoneKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_StageKey_CreatedTime",
                table: "Leads",
                columns: new[] { "OwnerId", "StageKey", "CreatedTime" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadSearchTerms_LeadId",
                table: "LeadSearchTerms",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadSearchTerms_OwnerId",
                table: "LeadSearchTerms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadSearchTerms_OwnerId_Term_LeadId",
                table: "LeadSearchTerms",
                columns: new[] { "OwnerId", "Term", "LeadId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_LeadId_At",
                table: "LeadStageChanges",
                columns: new[] { "LeadId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_OwnerId",
                table: "LeadStageChanges",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_MessageId_Position",
                table: "MessageAttachments",
                columns: new[] { "MessageId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_OwnerId",
                table: "MessageAttachments",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_StoredFileId",
                table: "MessageAttachments",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_MessengerMessages_ConversationId_At",
                table: "MessengerMessages",
                columns: new[] { "ConversationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MessengerMessages_OwnerId",
                table: "MessengerMessages",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MessengerMessages_OwnerId_IdempotencyKey",
                table: "MessengerMessages",
                columns: new[] { "OwnerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessengerMessages_OwnerId_Mid",
                table: "MessengerMessages",
                columns: new[] { "OwnerId", "Mid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LeadId_Kind",
                table: "OutboxMessages",
                columns: new[] { "LeadId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OwnerId",
                table: "OutboxMessages",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingDeliveries_EndpointId_EventId",
                table: "OutgoingDeliveries",
                columns: new[] { "EndpointId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingDeliveries_OwnerId",
                table: "OutgoingDeliveries",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingDeliveries_Status_NextAttemptAt",
                table: "OutgoingDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEvents_EventId",
                table: "OutgoingEvents",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEvents_LeadId",
                table: "OutgoingEvents",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEvents_OwnerId",
                table: "OutgoingEvents",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEvents_ProcessedAt_Id",
                table: "OutgoingEvents",
                columns: new[] { "ProcessedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PipelineStages_OwnerId",
                table: "PipelineStages",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_PipelineStages_OwnerId_Key",
                table: "PipelineStages",
                columns: new[] { "OwnerId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetrievalRuns_IntegrationId_FormId",
                table: "RetrievalRuns",
                columns: new[] { "IntegrationId", "FormId" },
                unique: true,
                filter: "\"Outcome\" = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_RetrievalRuns_Outcome_HeartbeatAt",
                table: "RetrievalRuns",
                columns: new[] { "Outcome", "HeartbeatAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RetrievalRuns_OwnerId",
                table: "RetrievalRuns",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RetrievalRuns_OwnerId_StartedAt",
                table: "RetrievalRuns",
                columns: new[] { "OwnerId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_OwnerId",
                table: "SavedReplies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_OwnerId_Title",
                table: "SavedReplies",
                columns: new[] { "OwnerId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_OwnerId",
                table: "StaffAlerts",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_OwnerId_Key",
                table: "StaffAlerts",
                columns: new[] { "OwnerId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_SentAt_DueAt",
                table: "StaffAlerts",
                columns: new[] { "SentAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFileBytes_OwnerId",
                table: "StoredFileBytes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_OwnerId",
                table: "StoredFiles",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveryFailures_DeliveryId_PageId_OwnerId",
                table: "WebhookDeliveryFailures",
                columns: new[] { "DeliveryId", "PageId", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveryFailures_OwnerId_PageId",
                table: "WebhookDeliveryFailures",
                columns: new[] { "OwnerId", "PageId" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveryPages_PageId",
                table: "WebhookDeliveryPages",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_OwnerId",
                table: "WebhookEndpoints",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_OwnerId_FormToken",
                table: "WebhookEndpoints",
                columns: new[] { "OwnerId", "FormToken" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ConversationSearchTerms");

            migrationBuilder.DropTable(
                name: "ConversionEvents");

            migrationBuilder.DropTable(
                name: "ConversionsLinks");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeliveryAttempts");

            migrationBuilder.DropTable(
                name: "HeldMessengerEvents");

            migrationBuilder.DropTable(
                name: "InboxPreferences");

            migrationBuilder.DropTable(
                name: "IntegrationForms");

            migrationBuilder.DropTable(
                name: "LeadFailures");

            migrationBuilder.DropTable(
                name: "LeadNotes");

            migrationBuilder.DropTable(
                name: "LeadSearchTerms");

            migrationBuilder.DropTable(
                name: "LeadStageChanges");

            migrationBuilder.DropTable(
                name: "MessageAttachments");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "OutgoingDeliveries");

            migrationBuilder.DropTable(
                name: "OutgoingEvents");

            migrationBuilder.DropTable(
                name: "PipelineStages");

            migrationBuilder.DropTable(
                name: "RetrievalRuns");

            migrationBuilder.DropTable(
                name: "SavedReplies");

            migrationBuilder.DropTable(
                name: "StaffAlerts");

            migrationBuilder.DropTable(
                name: "StoredFileBytes");

            migrationBuilder.DropTable(
                name: "WebhookDeliveryFailures");

            migrationBuilder.DropTable(
                name: "WebhookDeliveryPages");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Integrations");

            migrationBuilder.DropTable(
                name: "MessengerMessages");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "Conversations");
        }
    }
}
