# function_exported?/3 tested by `if`, with the module in a variable: public,
# private and missing functions, a module that does not exist, and a module
# that is not an atom (ArgumentError). Then a GenServer without handle_cast/2.
defmodule Shapes do
  def area(r), do: r * r
  def describe, do: secret()
  defp secret, do: :hidden
end

defmodule Probe do
  def area?(module) do
    if function_exported?(module, :area, 1) do
      "#{inspect(module)} exports area/1"
    else
      "#{inspect(module)} does not export area/1"
    end
  end

  def secret?(module) do
    if function_exported?(module, :secret, 0), do: :exported, else: :not_exported
  end
end

IO.puts(Probe.area?(Shapes))
IO.puts(Probe.area?(Probe))
IO.puts(Probe.area?(Nowhere))
IO.puts(Probe.area?(Shapes))
IO.inspect(Probe.secret?(Shapes))

try do
  Probe.area?("Shapes")
rescue
  ArgumentError -> IO.puts("ArgumentError: a module is an atom")
end

defmodule Silent do
  use GenServer

  @impl true
  def init(n), do: {:ok, n}
end

Process.flag(:trap_exit, true)
{:ok, pid} = GenServer.start_link(Silent, 0)
GenServer.cast(pid, :hello)

receive do
  {:EXIT, ^pid, {%RuntimeError{message: message}, _stack}} -> IO.puts(message)
end
