using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minerva.Functions.Api;
using Minerva.Service;
using Minerva.Service.Orchestration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMinervaService(builder.Configuration);

// What the activities need; the workflow itself is made per call around the [DurableClient] binding.
builder.Services.AddImportActivities(builder.Configuration);
builder.Services.AddSingleton<WorkflowFactory>();
builder.Build().Run();
