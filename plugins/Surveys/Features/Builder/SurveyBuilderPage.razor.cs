using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Surveys;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>
/// The survey builder: sections and questions in the order respondents meet them, shown in one of the
/// survey's languages; added, edited, moved and removed with named icon buttons (every action works by
/// keyboard), each change checked on the server against the version the page shows.
/// </summary>
public partial class SurveyBuilderPage
{
    private SurveyDesign? _design;
    private bool _missing;
    private string _language = "en";
    private ChangeResult? _result;

    /// <summary>The survey's id from the address.</summary>
    [Parameter]
    public long Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _language = _design?.Survey.LanguageList is [var first, ..] ? first : "en";
    }

    private async Task LoadAsync()
    {
        _design = await Builder.GetAsync(Id);
        _missing = _design is null;
    }

    private async Task ChangeAsync(Func<Guid, Task<ChangeResult>> change)
    {
        _result = await change(_design!.Survey.RowVersion);
        await LoadAsync();
    }

    private async Task SettingsAsync()
    {
        var parameters = new DialogParameters<SurveyDialog> { { d => d.Survey, _design!.Survey } };
        var dialog = await Dialogs.ShowAsync<SurveyDialog>(L["Settings"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            await LoadAsync();
            if (!_design!.Survey.LanguageList.Contains(_language))
            {
                _language = _design.Survey.LanguageList is [var first, ..] ? first : "en";
            }
        }
    }

    private async Task SectionAsync(SurveySection? section)
    {
        var parameters = new DialogParameters<SectionDialog> { { d => d.Survey, _design!.Survey }, { d => d.Section, section } };
        var dialog = await Dialogs.ShowAsync<SectionDialog>(section is null ? L["Add a section"] : L["Section title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            await LoadAsync();
        }
    }

    private async Task QuestionAsync(long sectionId, SurveyQuestion? question)
    {
        var parameters = new DialogParameters<QuestionDialog>
        {
            { d => d.Survey, _design!.Survey },
            { d => d.SectionId, sectionId },
            { d => d.Question, question },
            { d => d.HasAnswers, _design.HasAnswers },
            { d => d.Language, _language },
        };
        var dialog = await Dialogs.ShowAsync<QuestionDialog>(question is null ? L["Add a question"] : L["Edit the question"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            await LoadAsync();
        }
    }

    private async Task RemoveSectionAsync(SurveySection section, int number)
    {
        var message = _design!.HasAnswers
            ? L["Remove section {0} and its questions? The survey has answers: they are kept for the results.", number]
            : L["Remove section {0} and its questions?", number];
        if (await Dialogs.ConfirmAsync(L["Remove the section"], message, L["Remove"], L["Cancel"], destructive: true))
        {
            await ChangeAsync(v => Builder.RemoveSectionAsync(section.Id, v));
        }
    }

    private async Task RemoveQuestionAsync(SurveyQuestion question, int number)
    {
        var message = _design!.HasAnswers
            ? L["Remove question {0}? The survey has answers: they are kept for the results.", number]
            : L["Remove question {0}?", number];
        if (await Dialogs.ConfirmAsync(L["Remove the question"], message, L["Remove"], L["Cancel"], destructive: true))
        {
            await ChangeAsync(v => Builder.RemoveQuestionAsync(question.Id, v));
        }
    }

    private Task OpenAsync() => ChangeAsync(v => Surveys.OpenAsync(Id, v));

    private Task CloseAsync() => ChangeAsync(v => Surveys.CloseAsync(Id, v));

    private string ConditionValue(Survey survey, SurveyQuestion question)
    {
        var on = survey.Questions.FirstOrDefault(q => q.Id == question.ShowIfQuestionId);
        return question.ShowIfOperator == ShowIfOperator.Chosen
            ? on?.Options.FirstOrDefault(o => o.Id == question.ShowIfValue) is { } option ? SurveyTexts.In(option.Texts, _language) : string.Empty
            : question.ShowIfValue?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty;
    }
}
