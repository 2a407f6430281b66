# An error raised in a function passed to Enum, Map or List: the stack trace shows the frames of
# Elixir's own code between the callback and its caller.
defmodule Check do
  def positive!(n) when n > 0, do: n
  def positive!(n), do: raise(ArgumentError, "not positive: #{n}")

  def top(fun) do
    try do
      fun.()
    rescue
      e ->
        IO.puts(Exception.message(e))
        __STACKTRACE__ |> Enum.take(4) |> Enum.each(&IO.inspect/1)
    end

    :ok
  end
end

defmodule Shop do
  use GenServer

  def init(prices), do: {:ok, prices}

  def handle_call(:total, _from, prices) do
    checked = Enum.map(prices, &Check.positive!/1)
    {:reply, Enum.sum(checked), prices}
  end
end

Check.top(fn -> Enum.map([0, 1], &Check.positive!/1) end)
Check.top(fn -> Enum.map(-1..1, &Check.positive!/1) end)
Check.top(fn -> Enum.map(%{a: 0}, fn {_k, v} -> Check.positive!(v) end) end)
Check.top(fn -> Enum.each([-2], &Check.positive!/1) end)
Check.top(fn -> Enum.reduce([-3], 0, fn x, acc -> acc + Check.positive!(x) end) end)
Check.top(fn -> Enum.filter([-4], &Check.positive!/1) end)
Check.top(fn -> Enum.count([-5], &Check.positive!/1) end)
Check.top(fn -> Enum.sort_by([-6, 2], &Check.positive!/1) end)
Check.top(fn -> Enum.map_join([-7, 1], ",", &Check.positive!/1) end)
Check.top(fn -> Enum.each([[-8]], fn list -> Enum.map(list, &Check.positive!/1) end) end)
Check.top(fn -> for x <- [-9], do: Check.positive!(x) end)
Check.top(fn -> Map.update(%{a: -10}, :a, 0, &Check.positive!/1) end)
Check.top(fn -> List.foldl([-11], 0, fn x, acc -> acc + Check.positive!(x) end) end)

{:ok, shop} = GenServer.start(Shop, [0, 3])

try do
  GenServer.call(shop, :total)
catch
  :exit, {{error, stack}, {GenServer, :call, _}} ->
    IO.inspect(error, label: "call exit")
    Enum.each(stack, &IO.inspect/1)
end

Process.sleep(50)
