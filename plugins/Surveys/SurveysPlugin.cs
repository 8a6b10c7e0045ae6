using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Answering;
using CrmBlazor.Plugins.Surveys.Features.Builder;
using CrmBlazor.Plugins.Surveys.Features.ClosedLoop;
using CrmBlazor.Plugins.Surveys.Features.Customers;
using CrmBlazor.Plugins.Surveys.Features.Effects;
using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Plugins.Surveys.Features.Privacy;
using CrmBlazor.Plugins.Surveys.Features.PublicLinks;
using CrmBlazor.Plugins.Surveys.Features.Results;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Plugins.Surveys.Features.Surveys;
using CrmBlazor.Plugins.Surveys.Features.Timeline;
using CrmBlazor.Plugins.Surveys.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Surveys;

/// <summary>
/// Surveys: NPS, CSAT, effort and free questionnaires built in sections, with texts in the six languages
/// of the CRM and questions shown depending on earlier answers. Once a survey has answers its questions'
/// types and scales are fixed and removed questions are retired, so results stay correct; anonymous
/// answers are stored with nothing that links them to a person (docs/decisions/0023).
/// </summary>
public sealed class SurveysPlugin : ICrmPlugin
{
    /// <summary>The plugin id, as in plugin.json; everything the plugin owns starts with it.</summary>
    public const string Id = "surveys";

    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<SurveysResources>()
            .AddPermission(new Permission(SurveysPermissions.View, "See surveys", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(SurveysPermissions.Manage, "Build surveys", CrmRoles.Manager))
            .AddMenuItem(new MenuItem("Surveys", "/surveys", MudBlazor.Icons.Material.Filled.Poll, SurveysPermissions.View, 250, MenuGroups.Customers))
            .AddSettings<SurveysSettings>()
            .AddDbContext<SurveysDbContext>()
            .MapEndpoints(SurveyEndpoints.Map)
            .MapEndpoints(AnswerEndpoints.Map)
            .MapEndpoints(PreviewEndpoints.Map)
            .AddRecurringJob<AnswerEffectsJob>(AnswerEffectsJob.Key, AnswerEffectsJob.Schedule)
            .AddPersonalData<SurveysPersonalData>()
            .AddJob<SegmentSendJob>(SegmentSendJob.Key)
            .AddRecurringJob<ReminderJob>(ReminderJob.Key, ReminderJob.Cron)
            .AddRecurringJob<PublicVisitCleanupJob>(PublicVisitCleanupJob.Key, PublicVisitCleanupJob.Cron)
            .AddEventHandler<ProjectCompleted, ProjectCompletedSurveyHandler>();
        foreach (var kind in SurveyTimeline.Kinds)
        {
            plugin.AddTimelineKind(kind);
        }

        foreach (var figure in SurveyCustomerFigures.Definitions)
        {
            plugin.AddCustomerFigure(figure);
        }

        foreach (var template in SurveyMessageTemplates.All)
        {
            plugin.AddMessageTemplate(template);
        }

        var services = plugin.Services;
        services.AddScoped<SurveysAccess>();
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyBuilderService>();
        services.AddScoped<SurveyResultsService>();
        services.AddScoped<SurveyAnswerExport>();
        services.AddScoped<InvitationService>();
        services.AddScoped<AnswerService>();
        services.AddScoped<AnswerEffects>();
        services.AddScoped<SurveyCustomerFigures>();
        services.AddScoped<ClosedLoopService>();
        services.AddScoped<ISurveyScores, SurveyScoresSource>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<SendingService>();
        services.AddScoped<PublicLinkService>();
        services.AddSingleton<AnswerPageGate>();
    }
}
