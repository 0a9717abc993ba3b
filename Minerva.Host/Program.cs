await Minerva.Host.MinervaHost.Build(args).RunAsync();
