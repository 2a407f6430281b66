# A compile error in a module: Elixir meets it when the script reaches the
# `defmodule`, after printing the warnings of the code it had compiled by then
# (the modules before, and the failing module's functions). An undefined
# local function is only found once the module's body has run, so every
# function's warnings come first, the unused private function's too.
defmodule Greeter do
  def hello(name, greeting), do: "hello #{name}"
end

defmodule Counter do
  use GenServer

  def init(count), do: {:ok, count}

  def handle_call(:get, from, count), do: {:reply, count, count}

  def handle_cast(:increment, count), do: {:noreply, count + 1}

  def handle_call(:double, _from, count) do
    {:reply, :ok, double(count)}
  end

  defp helper(count), do: count
end

{:ok, pid} = GenServer.start_link(Counter, 1)
IO.inspect(GenServer.call(pid, :get))
