using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Surveys.Tests.Resources;

/// <summary>The surveys plugin's resources (see <see cref="PluginResourceTests"/>).</summary>
public sealed class SurveysResourcesTests() : PluginResourceTests("Surveys", "SurveysResources", "A survey keeps at least one section.", "Question {0} needs at least two options.", "Enter the survey's name.");
