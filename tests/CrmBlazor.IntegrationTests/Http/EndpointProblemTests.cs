using System.Net;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Http;

/// <summary>
/// The core's HTTP endpoints that are not pages (customer exports, personal-data JSON, the language
/// switch) answer a bad value with 400 and a short problem-details body naming it, and their other
/// errors with a problem too: never a stack trace, never an HTML page, in Development as in Production.
/// </summary>
public abstract class EndpointProblemTests
{
    /// <summary>The host under test.</summary>
    protected abstract CrmHostFactory Host { get; }

    public static TheoryData<string, string> BadValues => new()
    {
        { "/customers/export.csv?tag=abc", "tag" },
        { "/customers/export.csv?segment=99999999999999999999", "segment" },
        { "/customers/export.xlsx?tag=1.5", "tag" },
        { "/customers/export.csv?kind=robot", "kind" },
        { "/customers/export.xlsx?archived=maybe", "archived" },
        { "/culture?name=xx-XX", "name" },
        { "/culture?name=ta-IN&returnUrl=https%3A%2F%2Felsewhere.example%2F", "returnUrl" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Endpoint_WithABadValue_AnswersBadRequestWithAProblemNamingIt(string path, string parameter)
    {
        using var client = await Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemBody.ReadAsync(response);
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Contains(parameter, problem.Errors.Keys);
        Assert.DoesNotContain(" at ", problem.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fixture-alpha/notes.txt?customer=abc")]
    [InlineData("/fixture-alpha/notes.txt?customer=99999999999999999999")]
    [InlineData("/fixture-alpha/notes.txt")]
    public async Task PluginEndpoint_WithAValueTheFrameworkCannotBind_AnswersBadRequestWithAProblem(string path)
    {
        using var client = await Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemBody.ReadAsync(response);
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.DoesNotContain(" at ", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginEndpoint_WithGoodValues_Answers()
    {
        var customer = await new CustomerBuilder().SaveAsync(Host);
        await FixtureAlpha.In(Host).AddNoteAsManagerAsync(customer.Id, "Called about the renewal");
        using var client = await Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync($"/fixture-alpha/notes.txt?customer={customer.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Called about the renewal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PersonalData_OfACustomerThatDoesNotExist_AnswersNotFoundWithAProblem()
    {
        using var client = await Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync("/customers/987654321/personal-data");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Fact]
    public async Task Export_ForAUserWithoutThePermission_AnswersForbiddenWithAProblemSayingWhy()
    {
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(role: null));

        using var response = await client.GetAsync("/customers/export.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have permission to export customers.", (await ProblemBody.ReadAsync(response))?.Detail);
    }

    [Fact]
    public async Task PersonalData_WithoutSigningIn_AnswersUnauthorizedWithAProblem()
    {
        using var client = Host.CreateBrowserClient();

        using var response = await client.GetAsync("/customers/1/personal-data");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Collection(SqliteHost.Name)]
    public sealed class InDevelopmentOnSqlite(SqliteHostFixture fixture) : EndpointProblemTests
    {
        /// <inheritdoc />
        protected override CrmHostFactory Host => fixture.Host;
    }

    [Collection(PostgresHost.Name)]
    public sealed class InDevelopmentOnPostgres(PostgresHostFixture fixture) : EndpointProblemTests
    {
        /// <inheritdoc />
        protected override CrmHostFactory Host => fixture.Host;
    }

    [Collection(SqliteHost.Name)]
    public sealed class InProduction(ProductionHostFixture fixture) : EndpointProblemTests
    {
        /// <inheritdoc />
        protected override CrmHostFactory Host => fixture.Host;
    }
}
