namespace CrmBlazor.Plugins.Surveys;

/// <summary>Marker of the plugin's resources (<c>Resources/SurveysResources.resx</c>); the English text is the key.</summary>
public sealed class SurveysResources;
