namespace CrmBlazor.Plugins.Projects;

/// <summary>Marker of the plugin's resources (<c>Resources/ProjectsResources.resx</c>); the English text is the key.</summary>
public sealed class ProjectsResources;
