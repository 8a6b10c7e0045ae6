namespace CrmBlazor.Sdk.Authorization;

/// <summary>The roles every CrmBlazor installation has.</summary>
public static class CrmRoles
{
    /// <summary>Runs the installation: users, roles, plugins, jobs. Holds every permission.</summary>
    public const string Admin = "Admin";

    /// <summary>Account managers and project leads: manage customers, projects and people.</summary>
    public const string Manager = "Manager";

    /// <summary>Consultants and other staff: work with customers and log their own time.</summary>
    public const string Staff = "Staff";

    /// <summary>Issue, correct and send invoices; record payments.</summary>
    public const string Accountant = "Accountant";

    /// <summary>All roles, in the order they are shown.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Staff, Accountant];
}
