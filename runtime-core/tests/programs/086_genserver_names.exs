# Registering a GenServer under a name, and starting it twice.
defmodule Registry1 do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)
  def get, do: GenServer.call(__MODULE__, :get)
  def put(v), do: GenServer.cast(__MODULE__, {:put, v})

  @impl true
  def init(v), do: {:ok, v}

  @impl true
  def handle_call(:get, _from, v), do: {:reply, v, v}

  @impl true
  def handle_cast({:put, v}, _old), do: {:noreply, v}
end

defmodule Demo do
  def run do
    {:ok, pid} = Registry1.start_link(:first)
    IO.inspect(Process.whereis(Registry1) == pid, label: "registered under the module name")
    IO.inspect(Registry1.get())
    Registry1.put(:second)
    IO.inspect(Registry1.get())

    {:error, {:already_started, other}} = Registry1.start_link(:again)
    IO.inspect(other == pid, label: "already_started carries the running pid")

    {:ok, named} = GenServer.start(Registry1, :atom_name, name: :my_server)
    IO.inspect(GenServer.call(:my_server, :get), label: "call by atom name")
    IO.inspect(Process.info(named, :registered_name))
    IO.inspect(GenServer.whereis(:my_server) == named)
    IO.inspect(GenServer.whereis(:nobody))

    try do
      GenServer.call(:nobody, :get)
    catch
      :exit, reason -> IO.inspect(reason, label: "call to an unregistered name")
    end

    GenServer.stop(:my_server)
    IO.inspect(Process.whereis(:my_server), label: "name released after stop")

    try do
      GenServer.start(Registry1, :x, name: "not an atom")
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

Demo.run()
