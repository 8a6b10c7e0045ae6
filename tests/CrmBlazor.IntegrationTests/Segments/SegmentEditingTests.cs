using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>Saving segments: who may, what is refused and why, and edits that cross.</summary>
public abstract class SegmentEditingTests(CrmHostFixture fixture)
{
    private readonly CrmHostFactory _host = fixture.Host;

    [Fact]
    public async Task Update_StaleVersion_IsRefusedAsConflictAndKeepsTheOtherEdit()
    {
        var id = await new SegmentBuilder().SaveAsync(_host);
        var loaded = (await Get(id)).RowVersion;
        Assert.True((await UpdateAsync(id, "Renamed first " + id, loaded)).Succeeded);

        var second = await UpdateAsync(id, "Renamed second " + id, loaded);

        Assert.Equal(ChangeStatus.Conflict, second.Status);
        Assert.Equal("Renamed first " + id, (await Get(id)).Name);
    }

    [Fact]
    public async Task Update_AfterARefreshOfTheLoadedVersion_IsSaved()
    {
        var id = await new SegmentBuilder().SaveAsync(_host);
        var loaded = (await Get(id)).RowVersion;
        await _host.InScopeAsync(s => s.GetRequiredService<SegmentService>().RefreshAsync(id));

        var result = await UpdateAsync(id, "Renamed after refresh " + id, loaded);

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    }

    [Fact]
    public async Task Create_RuleWithAnUnreadableValue_IsRefusedWithTheRulesMessage()
    {
        var input = new SegmentInput
        {
            Name = "Unreadable " + Guid.NewGuid(),
            Definition = new SegmentDefinition { Rules = [new SegmentRule { Field = SegmentFields.LastInteraction, Operator = SegmentOperator.WithinLastDays, Value = "ninety" }] },
        };

        var result = await SegmentBuilder.AsManagerAsync(_host, s => s.CreateAsync(input));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(["Enter a number of days between 0 and 36500."], result.Errors["Definition.Rules[0].Value"].Select(p => p.Text));
    }

    [Fact]
    public async Task Create_OperatorThatDoesNotFitTheField_IsRefused()
    {
        var input = new SegmentInput
        {
            Name = "Misfit " + Guid.NewGuid(),
            Definition = new SegmentDefinition { Rules = [new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.Before, Value = "2025-01-01" }] },
        };

        var result = await SegmentBuilder.AsManagerAsync(_host, s => s.CreateAsync(input));

        Assert.Equal(["Choose a comparison that fits this field."], result.Errors["Definition.Rules[0].Operator"].Select(p => p.Text));
    }

    [Fact]
    public async Task Create_NameOfAnotherSegment_IsRefused()
    {
        var name = "Taken " + Guid.NewGuid();
        await new SegmentBuilder().Named(name).SaveAsync(_host);

        var result = await SegmentBuilder.AsManagerAsync(_host, s => s.CreateAsync(new SegmentInput { Name = name }));

        Assert.Equal(["Another segment already has this name."], result.Errors[nameof(SegmentInput.Name)].Select(p => p.Text));
    }

    [Fact]
    public async Task Create_StaffWithoutManagePermission_IsForbidden()
    {
        var result = await AsStaff(s => s.CreateAsync(new SegmentInput { Name = "Not allowed " + Guid.NewGuid() }));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task Delete_StaffWithoutManagePermission_IsForbiddenAndKeepsTheSegment()
    {
        var id = await new SegmentBuilder().SaveAsync(_host);

        var result = await AsStaff(s => s.DeleteAsync(id));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.NotNull(await SegmentBuilder.AsManagerAsync(_host, s => s.GetAsync(id)));
    }

    [Fact]
    public async Task Delete_Manager_RemovesTheSegmentAndItsMembership()
    {
        var id = await new SegmentBuilder().SaveAsync(_host);

        var result = await SegmentBuilder.AsManagerAsync(_host, s => s.DeleteAsync(id));

        Assert.True(result.Succeeded);
        Assert.Null(await SegmentBuilder.AsManagerAsync(_host, s => s.GetAsync(id)));
        Assert.Empty(await SegmentMembership.OfAsync(_host, id));
    }

    [Fact]
    public async Task CountAsync_ValueMissing_ReturnsTheRulesMessageInsteadOfACount()
    {
        var definition = new SegmentDefinition { Rules = [new SegmentRule { Field = SegmentFields.Name, Operator = SegmentOperator.Contains, Value = " " }] };

        var (count, errors) = await AsStaff(s => s.CountAsync(definition));

        Assert.Null(count);
        Assert.Equal(["Enter a value."], errors["Rules[0].Value"]);
    }

    private Task<Segment> Get(long id) => SegmentBuilder.AsManagerAsync(_host, async s => (await s.GetAsync(id))!);

    private async Task<ChangeResult> UpdateAsync(long id, string name, Guid version)
    {
        var segment = await Get(id);
        var input = new SegmentInput { Name = name, Description = segment.Description, Definition = SegmentDefinition.FromJson(segment.Definition), RowVersion = version };
        return await SegmentBuilder.AsManagerAsync(_host, s => s.UpdateAsync(id, input));
    }

    // Staff may view customers and segments but not manage segments.
    private async Task<T> AsStaff<T>(Func<SegmentService, Task<T>> action)
    {
        var staff = await _host.CreateUserAsync(CrmRoles.Staff);
        return await _host.AsUserAsync(staff, services => action(services.GetRequiredService<SegmentService>()));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SegmentEditingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SegmentEditingTests(fixture);
}
