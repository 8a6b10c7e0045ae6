using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>
/// Sends the CSAT survey that holds the "project completed" trigger to the completed project's customer
/// (where the customer's documents go: its own address, else its primary contact's), once per project.
/// Events are delivered at least once, possibly twice at the same time: the project's row in
/// <c>surveys_surveyed_projects</c> is inserted in the same transaction as the invitation and its message,
/// so the database's key lets exactly one delivery through and the others roll back, sending nothing.
/// </summary>
public sealed class ProjectCompletedSurveyHandler(
    IDbContextFactory<SurveysDbContext> contexts,
    ICustomerDirectory customers,
    IContactDirectory contacts,
    InvitationMail mail,
    TimeProvider clock) : IDomainEventHandler<ProjectCompleted>
{
    /// <summary>How long a link sent on a completed project works, in days.</summary>
    public const int ValidDays = 30;

    /// <inheritdoc />
    public async Task HandleAsync(ProjectCompleted domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Triggers.AsNoTracking()
            .Where(t => t.Event == SurveyTrigger.ProjectCompleted)
            .Join(db.Surveys, t => t.SurveyId, s => s.Id, (t, s) => s)
            .FirstOrDefaultAsync(cancellationToken);
        if (survey is not { State: SurveyState.Open, Kind: SurveyKind.Csat } || mail.PublicUrl is null
            || await db.SurveyedProjects.AnyAsync(p => p.ProjectId == domainEvent.ProjectId, cancellationToken))
        {
            return;
        }

        var customer = await customers.GetAsync(domainEvent.CustomerId, cancellationToken);
        var billing = customer is { IsArchived: false } ? await customers.GetBillingRecipientAsync(domainEvent.CustomerId, cancellationToken) : null;
        if (billing is null)
        {
            return;
        }

        var language = billing.ContactId is { } contactId ? (await contacts.GetAsync(contactId, cancellationToken))?.Language : null;
        var to = new InvitationRecipient(billing.CustomerId, billing.ContactId, billing.Name, billing.Email, language);
        db.SurveyedProjects.Add(new SurveyedProject { ProjectId = domainEvent.ProjectId, SurveyId = survey.Id, SurveyedAt = clock.GetUtcNow() });
        var invitation = new SurveyInvitation();
        db.Invitations.Add(invitation);
        await mail.QueueInvitationAsync(db, invitation, survey, to, InvitationMail.LanguageFor(survey, language), ValidDays,
            MessageKeys.ProjectCompleted(domainEvent.ProjectId), null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event won the key: it sent the survey, this one sends nothing.
            if (!await SurveyedAsync(domainEvent.ProjectId, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> SurveyedAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SurveyedProjects.AnyAsync(p => p.ProjectId == projectId, cancellationToken);
    }
}
