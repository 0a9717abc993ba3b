using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Minerva.Functions.Api;
using Minerva.Service;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiErrorFunctionsMiddleware>();
builder.Services.AddMinervaService(builder.Configuration);
builder.Build().Run();
