# An uncaught KeyError from Map.fetch!/2.
defmodule AppConfig do
  def load, do: %{host: "localhost", port: 4000}
end

config = AppConfig.load()
IO.puts("host: #{config.host}")
IO.puts("user: #{Map.fetch!(config, :user)}")
