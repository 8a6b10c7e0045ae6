namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// What people call the core's record types and properties in the audit log (resource keys; the
/// English text is the key). Plugins' records and properties keep their names from the code.
/// </summary>
public static class AuditLabels
{
    /// <summary>The entity name of users in the audit log.</summary>
    public const string UserEntity = "CrmUser";

    /// <summary>The entity name of a customer's tags (rows of the join table) in the audit log.</summary>
    public const string CustomerTagEntity = "crm_customer_tags";

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Customer"] = "Customer",
        ["Contact"] = "Contact",
        ["CustomerAddress"] = "Address",
        ["Interaction"] = "Interaction",
        ["InteractionUser"] = "Colleague involved",
        ["InteractionContact"] = "Contact involved",
        ["Segment"] = "Segment",
        ["Tag"] = "Tag",
        [CustomerTagEntity] = "Tag",
        [UserEntity] = "User",
        ["CrmRole"] = "Role",
        ["PermissionGrant"] = "Permission grant",
        ["MessageTemplateVersion"] = "Message wording",
        ["CampaignTemplate"] = "Campaign template",
    };

    // The same name means the same thing on every core record...
    private static readonly Dictionary<string, string> CommonProperties = new(StringComparer.Ordinal)
    {
        ["Name"] = "Name",
        ["Kind"] = "Type",
        ["Email"] = "E-mail",
        ["Phone"] = "Phone",
        ["PhoneNumber"] = "Phone",
        ["Industry"] = "Industry",
        ["Currency"] = "Currency",
        ["Notes"] = "Notes",
        ["IsArchived"] = "Archived",
        ["Role"] = "Role",
        ["Street"] = "Street",
        ["City"] = "City",
        ["PostalCode"] = "Postal code",
        ["Region"] = "State or region",
        ["Country"] = "Country",
        ["Channel"] = "Channel",
        ["Direction"] = "Direction",
        ["Subject"] = "Subject",
        ["Outcome"] = "Outcome",
        ["Status"] = "Status",
        ["Description"] = "Description",
        ["CustomerId"] = "Customer",
        ["ContactId"] = "Contact",
        ["TagId"] = "Tag",
        ["InteractionId"] = "Interaction",
        ["UserId"] = "User",
        ["Language"] = "Language",
    };

    // ...except where a record gives it its own meaning.
    private static readonly Dictionary<(string Entity, string Property), string> EntityProperties = new()
    {
        [("Customer", "OwnerUserId")] = "Account manager",
        [("Customer", "Website")] = "Web site",
        [("Customer", "LastInteractionAt")] = "Last interaction",
        [("Contact", "IsPrimary")] = "Main contact",
        [("Interaction", "OwnerUserId")] = "Handled by",
        [("Interaction", "CreatedByUserId")] = "Logged by",
        [("Interaction", "OccurredAt")] = "Date",
        [("Interaction", "Body")] = "Details",
        [("Interaction", "ResolvedAt")] = "Resolved on",
        [("Segment", "Definition")] = "Rules",
        [("Segment", "MemberCount")] = "Members",
        [("Segment", "RefreshedAt")] = "Refreshed",
        [("PermissionGrant", "Permission")] = "Permission",
        [("MessageTemplateVersion", "TemplateKey")] = "Template",
        [("MessageTemplateVersion", "HtmlBody")] = "HTML body",
        [("MessageTemplateVersion", "TextBody")] = "Text body",
        [("MessageTemplateVersion", "UpdatedAt")] = "Saved",
        [("CampaignTemplate", "Key")] = "Template",
        [("CampaignTemplate", "Title")] = "Title",
        [(UserEntity, "DisplayName")] = "Display name",
        [(UserEntity, "UserName")] = "User name",
        [(UserEntity, "EmailConfirmed")] = "E-mail confirmed",
        [(UserEntity, "PhoneNumberConfirmed")] = "Phone confirmed",
        [(UserEntity, "TwoFactorEnabled")] = "Two-factor sign-in",
        [(UserEntity, "LockoutEnabled")] = "Can be locked out",
    };

    /// <summary>Every label, for the resource file.</summary>
    public static IEnumerable<string> All =>
        Entities.Values.Concat(CommonProperties.Values).Concat(EntityProperties.Values).Distinct(StringComparer.Ordinal);

    /// <summary>What people call a record type: a resource key for the core's, the type name for plugins'.</summary>
    /// <param name="entity">The entity name as the audit log records it.</param>
    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);

    /// <summary>What people call a property: a resource key for the core's, the property name for plugins'.</summary>
    /// <param name="entity">The entity name as the audit log records it.</param>
    /// <param name="property">The property name.</param>
    public static string Property(string entity, string property) =>
        EntityProperties.GetValueOrDefault((entity, property))
        ?? (Entities.ContainsKey(entity) ? CommonProperties.GetValueOrDefault(property, property) : property);
}
