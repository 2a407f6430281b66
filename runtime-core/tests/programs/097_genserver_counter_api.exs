# A GenServer with a client API, as most programs write one.
defmodule Counter do
  use GenServer

  # Client API
  def start_link(opts \\ []) do
    initial = Keyword.get(opts, :initial, 0)
    GenServer.start_link(__MODULE__, initial, name: Keyword.get(opts, :name, __MODULE__))
  end

  def increment(server \\ __MODULE__, by \\ 1), do: GenServer.cast(server, {:increment, by})
  def value(server \\ __MODULE__), do: GenServer.call(server, :value)
  def reset(server \\ __MODULE__), do: GenServer.call(server, :reset)

  # Server callbacks
  @impl true
  def init(initial) when is_integer(initial), do: {:ok, %{value: initial, history: []}}

  @impl true
  def handle_cast({:increment, by}, state) do
    {:noreply, %{state | value: state.value + by, history: [by | state.history]}}
  end

  @impl true
  def handle_call(:value, _from, state), do: {:reply, state.value, state}

  def handle_call(:reset, _from, state) do
    {:reply, {:was, state.value, Enum.reverse(state.history)}, %{state | value: 0, history: []}}
  end
end

{:ok, _pid} = Counter.start_link()
Counter.increment()
Counter.increment(Counter, 5)
IO.inspect(Counter.value(), label: "value")
IO.inspect(Counter.reset(), label: "reset")
IO.inspect(Counter.value(), label: "after reset")

{:ok, _} = Counter.start_link(name: :other, initial: 100)
for n <- 1..10, do: Counter.increment(:other, n)
IO.inspect(Counter.value(:other), label: "other")
IO.inspect(:sys.get_state(:other).history |> length(), label: "history length via :sys.get_state")
