# Unused callback arguments in a GenServer and in a nested module, with output
# before, between and after the module definitions.
IO.puts("starting")

defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)

  def init(items), do: {:ok, items}

  def handle_call(:pop, from, [top | rest]), do: {:reply, top, rest}
  def handle_call(:size, _from, items), do: {:reply, length(items), items}

  def handle_cast({:push, item}, state), do: {:noreply, [item | state]}

  def handle_info(message, state) do
    {:noreply, state}
  end

  defmodule Format do
    def show(items, options), do: inspect(items)
  end
end

IO.puts("Stack is defined")

defmodule Client do
  def run do
    {:ok, pid} = Stack.start_link([1, 2, 3])
    GenServer.cast(pid, {:push, 0})
    send(pid, :ignored)
    top = GenServer.call(pid, :pop)
    IO.puts("popped #{top}, size #{GenServer.call(pid, :size)}")
    IO.puts(Stack.Format.show([top], []))
  end
end

Client.run()
