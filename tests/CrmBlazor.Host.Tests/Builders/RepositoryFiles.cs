namespace CrmBlazor.Host.Tests.Builders;

/// <summary>Finds the repository's source files from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string HostProject => Path.Combine(Root, "src", "CrmBlazor.Host");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmBlazor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CrmBlazor.sln not found above " + AppContext.BaseDirectory);
    }
}
