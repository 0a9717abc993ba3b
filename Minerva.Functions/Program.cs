using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minerva.Functions.Api;
using Minerva.Service;
using Minerva.Service.Orchestration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiErrorFunctionsMiddleware>();
builder.Services.AddMinervaService(builder.Configuration);
builder.Services.AddImportWorkflow(builder.Configuration);
builder.Services.AddSingleton<ImportWorkflows>();
builder.Build().Run();
