using CrmBlazor.Host.Extensions;
using CrmBlazor.Host.Plugins;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmConfiguration();
using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
var startupLogger = startupLogging.CreateLogger("CrmBlazor.Startup");

var dataDirectory = CrmConfigurationExtensions.ResolvePath(builder.Configuration["Crm:DataDirectory"], "data", builder.Environment.ContentRootPath);
var pluginsPath = CrmConfigurationExtensions.ResolvePath(builder.Configuration["Plugins:Path"], "plugins", AppContext.BaseDirectory);
var installedPluginsPath = CrmConfigurationExtensions.ResolvePath(builder.Configuration["Plugins:InstalledPath"], "installed-plugins", dataDirectory);

var database = builder.AddCrmPersistence(dataDirectory);
var disabledPlugins = await PersistenceExtensions.MigrateCoreAndReadDisabledPluginsAsync(database, startupLogger);
await PersistenceExtensions.UnpackUploadedPluginsAsync(database, installedPluginsPath, PluginArchiveLimits.From(builder.Configuration), startupLogger);
builder.AddCrmIdentity();
builder.AddCrmHttp();
builder.AddCrmJobs(database);
builder.AddCrmUi();
builder.AddCrmCoreFeatures();
var catalog = builder.AddCrmPlugins(pluginsPath, installedPluginsPath, disabledPlugins, startupLogger);
var startup = new CrmStartup(database, dataDirectory, pluginsPath, installedPluginsPath, catalog);
builder.Services.AddSingleton(startup);

var app = builder.Build();
await app.InitializeCrmAsync(startup);
app.UseCrmPipeline(startup);
app.Run();

/// <summary>The host's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;
