using CrmBlazor.Host.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmConfiguration();
using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
var startupLogger = startupLogging.CreateLogger("CrmBlazor.Startup");

var dataDirectory = CrmConfigurationExtensions.ResolvePath(builder.Configuration["Crm:DataDirectory"], "data", builder.Environment.ContentRootPath);
var pluginsPath = CrmConfigurationExtensions.ResolvePath(builder.Configuration["Plugins:Path"], "plugins", AppContext.BaseDirectory);

var database = builder.AddCrmPersistence(dataDirectory);
var disabledPlugins = await PersistenceExtensions.MigrateCoreAndReadDisabledPluginsAsync(database, startupLogger);
builder.AddCrmIdentity();
builder.AddCrmHttp();
builder.AddCrmJobs(database);
builder.AddCrmUi();
builder.AddCrmCoreFeatures();
var catalog = builder.AddCrmPlugins(pluginsPath, disabledPlugins, startupLogger);
var startup = new CrmStartup(database, dataDirectory, pluginsPath, catalog);
builder.Services.AddSingleton(startup);

var app = builder.Build();
await app.InitializeCrmAsync(startup);
app.UseCrmPipeline(startup);
app.Run();

/// <summary>The host's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;
