-- tr.lua — corolab'ın Türkçe sözleri: her yaşam döngüsü olayının
-- açıklaması ve dayandığı kural (events), her komutun ne yaptığı (help),
-- öğrencinin karşılaştığı iletiler (ui: string.format kalıpları) ve turun
-- metni (tour); anahtarlar en.lua ile aynı. Teknik terimler, Türkçe
-- C++ notlarında olduğu gibi İngilizce bırakıldı (coroutine, promise, handle,
-- frame, awaiter, breakpoint, suspend / askıya alma, resume / devam ettirme).
return {
  events = {
    ["operator new"] =
      "Frame için bellek ayrılıyor: promise türü bir operator new(size, args...) bildiriyorsa "
      .. "o, yoksa global operator new çağrılıyor [dcl.fct.def.coroutine]/9. C++'ta size; "
      .. "promise nesnesini, parametre kopyalarını ve askıya alma noktalarını aşan bütün yerel "
      .. "değişkenleri kapsar. Lua gövdeli bir coroutine'in frame'i ise yalnızca referans tutar; "
      .. "yerel değişkenleri gövdenin Lua thread'inde yaşar.",
    ["get_return_object_on_allocation_failure"] =
      "operator new nullptr döndürdü ve promise türü "
      .. "get_return_object_on_allocation_failure() bildiriyor: çağırana onun sonucu dönüyor, "
      .. "ortada bir coroutine yok [dcl.fct.def.coroutine]/10.",
    ["parameter copies"] =
      "Parametreler frame'e kopyalanıyor (ya da taşınıyor); böylece çağıranın argümanları yok "
      .. "olsa da gövde onları okuyabilir. Referanslar referans olarak kalır "
      .. "[dcl.fct.def.coroutine]/13.",
    ["promise_type"] =
      "promise nesnesi frame'in içinde oluşturuluyor: böyle bir kurucu varsa "
      .. "promise_type(args...), yoksa promise_type() [dcl.fct.def.coroutine]/5.",
    ["get_return_object"] =
      "promise.get_return_object() çağıranın alacağı değeri (bir generator, bir task...) "
      .. "oluşturuyor. initial_suspend'den önce ve bir kez çalışır; genellikle "
      .. "coroutine_handle::from_promise(*this) ile handle'ı saklar [dcl.fct.def.coroutine]/7.",
    ["initial_suspend"] =
      "co_await promise.initial_suspend(): suspend_always coroutine'i tembel (lazy) yapar, "
      .. "gövde çalışmadan kontrol çağırana döner; suspend_never ise hevesli (eager) yapar "
      .. "[dcl.fct.def.coroutine]/5.",
    ["await_transform"] =
      "promise türü await_transform bildiriyor; bu yüzden co_await e, "
      .. "co_await promise.await_transform(e) oluyor (initial, final ve yield için asla) "
      .. "[expr.await]/3.2.",
    ["operator co_await"] =
      "awaitable nesne, üye ya da üye olmayan operator co_await ile bir awaiter'a "
      .. "dönüştürülüyor [expr.await]/3.3.",
    ["await_ready"] =
      "awaiter.await_ready(): true, sonucun zaten hazır olduğu ve coroutine'in hiç askıya "
      .. "alınmayacağı anlamına gelir; false ise: askıya al [expr.await]/5.1.",
    ["suspend"] =
      "coroutine artık askıya alındı (suspend): devam noktası frame'e kaydedildi. "
      .. "await_suspend ancak bundan sonra çağrılır; bu yüzden coroutine'i devam ettirebilir "
      .. "ya da yok edebilir [expr.await]/5.1.",
    ["await_suspend"] =
      "awaiter.await_suspend(h), askıya alınan coroutine'in handle'ını alır. void döndürürse "
      .. "askıda kalır; bool döndürürse false hemen devam ettirir; bir handle döndürürse "
      .. "simetrik aktarım olur: yığın büyümeden o coroutine devam ettirilir "
      .. "[expr.await]/5.1.1-5.1.3.",
    ["resume"] = {
      ["resume()"] =
        "h.resume() coroutine'i devam ettiriyor (resume): çalışma kaydedilen devam "
        .. "noktasından, beklediği şeyin await_resume'u ile sürüyor [coroutine.handle.resumption].",
      transfer =
        "coroutine, başka bir coroutine'in await_suspend'i onun handle'ını döndürdüğü için "
        .. "çalışıyor (simetrik aktarım): devam noktasından sürer ve devam ettirenin yığını "
        .. "büyümez [expr.await]/5.1.3.",
      bool =
        "await_suspend false döndürdü: coroutine askıya alındığı yerde hemen devam ettiriliyor "
        .. "ve await_resume'a geçiyor [expr.await]/5.1.2.",
    },
    ["symmetric transfer"] =
      "await_suspend bir handle döndürdü: kontrol, bir kuyruk çağrısı gibi, yığın büyümeden "
      .. "doğrudan o coroutine'e geçiyor [expr.await]/5.1.3; noop_coroutine() ise devam "
      .. "ettirene döndürür.",
    ["return to caller"] = {
      suspended =
        "coroutine askıda kalıyor ve kontrol onu çağırana ya da devam ettirene dönüyor: "
        .. "resume() döner ya da coroutine çağrısı dönüş nesnesini döndürür [expr.await]/5.1.1.",
      noop =
        "await_suspend noop_coroutine() döndürdü: ona aktarım hiçbir şey yapmaz, kontrol "
        .. "zinciri devam ettirene döner [coroutine.noop].",
      observer =
        "coroutine, await_suspend çağrılmadan önce (bir gözlemci tarafından) devam ettirildi "
        .. "ya da yok edildi; kontrol çağırana dönüyor.",
    },
    ["await_resume"] = {
      initial =
        "İlk askıya alma noktasında awaiter.await_resume(): bundan sonra coroutine'in "
        .. "initial-await-resume-called bayrağı true; gövdeden çıkan bir istisna artık çağırana "
        .. "değil unhandled_exception'a gider [dcl.fct.def.coroutine]/5.",
      body =
        "awaiter.await_resume() co_await ifadesinin değerini verir (ya da istisna fırlatır; "
        .. "o zaman istisna co_await noktasında yükselir) [expr.await]/5.2.",
      final =
        "Son askıya alma noktasında awaiter.await_resume(): final_suspend'in awaiter'ı askıya "
        .. "almadı; coroutine sonuna akar ve durumu (state) yok edilir "
        .. "[dcl.fct.def.coroutine]/11.",
    },
    ["~awaiter"] = {
      ["co_await"] =
        "co_await ifadesinin geçici nesnesi olan awaiter, tam ifadenin sonunda yok ediliyor "
        .. "[class.temporary]/4.",
      destroy =
        "Askıdaki bir coroutine'in destroy()'u: beklediği awaiter, yarıda kalan co_await'in "
        .. "geçici nesnesi olarak önce yok ediliyor [dcl.fct.def.coroutine]/11.",
    },
    ["yield_value"] =
      "co_yield v, co_await promise.yield_value(v) demektir: promise değeri saklar, sonra "
      .. "genellikle askıya alır ki tüketici değeri okuyabilsin [expr.yield]/1.",
    ["return_value"] =
      "co_return v, promise.return_value(v)'yi çağırır; yerel değişkenler sonra yok edilir ve "
      .. "kontrol son askıya alma noktasına gider [stmt.return.coroutine]/2.",
    ["return_void"] =
      "co_return; ya da gövdenin sonuna akmak promise.return_void()'i çağırır; o yoksa sona "
      .. "akmak tanımsız davranıştır [stmt.return.coroutine]/3.",
    ["throw"] =
      "Gövdeden bir istisna kaçtı; coroutine'in örtük try bloğu onu yakalıyor "
      .. "[dcl.fct.def.coroutine]/5.",
    ["unhandled_exception"] =
      "catch (...) { promise.unhandled_exception(); }: promise istisnayı saklar "
      .. "(std::current_exception()) ya da devam ettirene yeniden fırlatır; fırlatırsa "
      .. "coroutine final_suspend olmadan biter [dcl.fct.def.coroutine]/5.",
    ["final_suspend"] =
      "co_await promise.final_suspend() (noexcept). Burada askıya almak frame'i korur: done() "
      .. "true olur ve sonuç okunabilir; askıya almamak frame'i yok eder "
      .. "[dcl.fct.def.coroutine]/5, /11.",
    ["destroy"] =
      "h.destroy(): coroutine askıda olduğu noktada yok ediliyor: bekleyen awaiter, en içtekinden "
      .. "başlayarak yerel değişkenler, promise, parametre kopyaları, sonra frame "
      .. "[coroutine.handle.resumption], [dcl.fct.def.coroutine]/11.",
    ["~locals"] = {
      ["co_return"] =
        "co_return'den sonra gövdenin yerel değişkenleri, en içtekinden başlayarak, son askıya "
        .. "alma noktasından önce yok ediliyor [stmt.return.coroutine], [stmt.jump]/2.",
      unwinding =
        "Bir istisna gövdeden çıkıyor: yığın örtük catch'e doğru çözülürken yerel değişkenler, "
        .. "en içtekinden başlayarak yok ediliyor [except.ctor]/2.",
      ["flowed off"] =
        "Gövde sonuna aktı: yerel değişkenler en içtekinden başlayarak yok ediliyor, sonra "
        .. "return_void() çağrılıyor [stmt.return.coroutine]/3.",
      destroy =
        "Askıdaki bir coroutine'in destroy()'u: askıya alma noktasında yaşayan yerel "
        .. "değişkenler, en içtekinden başlayarak yok ediliyor [dcl.fct.def.coroutine]/11, "
        .. "[stmt.jump]/2.",
    },
    ["~promise_type"] =
      "promise nesnesi yok ediliyor: yerel değişkenlerden sonra, parametre kopyalarından önce "
      .. "[dcl.fct.def.coroutine]/11.",
    ["~parameters"] =
      "Frame'deki parametre kopyaları, promise'ten hemen sonra yok ediliyor "
      .. "[dcl.fct.def.coroutine]/14.",
    ["~return object"] =
      "İlk await_resume'dan önce bir istisna: get_return_object'in zaten oluşturduğu dönüş "
      .. "nesnesi yok ediliyor ve istisna çağırana gidiyor [dcl.fct.def.coroutine]/5.",
    ["convert return object"] =
      "get_return_object'in sonucu dönüş türü değil: kontrol çağırana ilk döndüğünde "
      .. "dönüştürülüyor [dcl.fct.def.coroutine]/7.",
    ["operator delete"] =
      "Frame'in belleği geri veriliyor: bildirilmişse promise türünün operator delete'i, "
      .. "yoksa global olanı [dcl.fct.def.coroutine]/12.",
    ["misuse"] =
      "C++'ta tanımsız davranış ya da hatalı program (çalışan ya da bitmiş bir coroutine'i "
      .. "devam ettirmek, iki kez destroy, eksik bir promise üyesi...). corolab bunu durdurur "
      .. "ve kuralı söyler.",
  },
  help = {     -- liste için bir satır, :help NAME için daha fazlası
    help = {"komutları listeler ya da birini açıklar", "Bir adla: o komutun ne yaptığını "
      .. "ayrıntısıyla anlatır."},
    frames = {"canlı frame'ler, her biri bir satırda", "Her frame'in id'si, coroutine'i, "
      .. "promise türü, durumu, askıya alma noktası ve onu en son kimin devam ettirdiği."},
    show = {"bir frame'in içine bakar", "Ofsetleriyle yerleşimi, promise'i, parametreleri, "
      .. "yerel değişkenleri ve beklediği awaiter."},
    step = {"h'yi devam ettirir, her yaşam döngüsü olayında durur", "Her olayda iç içe bir "
      .. "istemde (prompt) durulur; bir duraklamanın içinde :step sonraki olaya geçer. 'h' "
      .. "bir çağrı da olabilir, ör. :step range(3); böylece giriş kısmı da adım adım izlenir."},
    ["break"] = {"EVENT olduğunda durur", "'if COND' ile yalnızca COND Lua ifadesi doğruysa "
      .. "durur; COND şunları görür: kind, frame, other, depth, detail, where, index, ev ve h. "
      .. "Argümansız: breakpoint'leri listeler."},
    delete = {"N numaralı breakpoint'i ya da hepsini siler", "Numaralar, :break'in "
      .. "listelediği numaralardır."},
    continue = {"duraklamadan çıkar ve çalışmayı sürdürür", "Bir sonraki breakpoint'e ya da "
      .. "sona kadar."},
    finish = {"bu resume dönene kadar çalıştırır", "Duraklamadan çıkar ve içinde bulunulan "
      .. "resume çağıranına dönene kadar çalışır; orada durur."},
    where = {"standardın sarmalayıcı kodu, imleçle", "Derleyicinin coroutine gövdesinin "
      .. "etrafına sardığı kod; imleç o anki adımdadır (bir duraklamanın olayı ya da h'nin "
      .. "son olayı). Altında kimin kimi devam ettirdiği zinciri yer alır."},
    back = {"kayıtlı olaylarda N adım geri git (ilk başta 1)", "Yeniden oynatma: hiçbir şey "
      .. "yeniden çalışmaz. O olayda corolab, canlıyken gösterdiğini gösterir: olayı, değişen "
      .. "frame'i ve o anki :frames, :where ve :show çıktılarını. :step ileri gider, :continue "
      .. "canlı noktaya döner."},
    ["goto"] = {"N numaralı kayıtlı olaya git", ":back gibi, N numaralı olaya (numaraları "
      .. ":log gösterir)."},
    replay = {"ilk kayıtlı olaya git", ":back gibi, kaydın başından; :step her seferinde bir "
      .. "olay ilerler, :continue canlı noktaya döner."},
    diff = {"iki çalışma yan yana, hizalanmış", "İki betikle: her birini (kendi ortamında) "
      .. "çalıştırır ve olaylarını karşılaştırır; iki sayıyla: istemde yapılan N ve M numaralı "
      .. "çalışmalar (olay üreten her komut satırı bir çalışmadır); hiçbiri olmadan: son iki "
      .. "çalışma. Olaylar türe ve frame rolüne göre "
      .. "hizalanır (range#1: range'in ilk frame'i); '=' ikisinde de, '|' ikisinde de ama başka "
      .. "değerlerle, '<' yalnızca ilkinde, '>' yalnızca ikincisinde. corolab --diff A.lua B.lua "
      .. "ile aynı."},
    display = {"her duraklamadan sonra hareket eden frame'i gösterir", "Durumunu, askıya "
      .. "alma noktasını, promise'ini ve beklediği awaiter'ı. Başta açık."},
    log = {"kaydedilen son N olay", "Başta 20; her biri argümanları ve döndürdüğü değerle, "
      .. "ör. yield_value(1) → suspend_always."},
    trace = {"her olayı olduğu anda yazdırır", "Girinti, resume derinliğini gösterir."},
    export = {"kaydedilen çalışmayı FILE dosyasına yazar", "chrome: Chrome trace JSON'u "
      .. "(ui.perfetto.dev'de açın); mermaid: bir Mermaid sıra diyagramı; dot: bir Graphviz "
      .. "durum grafiği; html: çalışmayı tarayıcıda, çevrimdışı oynatan tek bir sayfa "
      .. "(FILE.html#event=N, N numaralı olayda açılır)."},
    record = {"kaydın tuttuğu olay sayısı", "Son olaylar tutulur; başta 100000. N ile: son N "
      .. "olayı tutar."},
    lessons = {"dersler, bitirilenler işaretli", "Her biri bir C++20 programını yansıtan "
      .. "kısa bir Lua betiği; ilerleme ~/.corolab/progress dosyasında (ya da "
      .. "$COROLAB_HOME altında) tutulur."},
    lesson = {"N numaralı dersi çalıştırır", "İlk askıya alma noktasına kadar, :load'un "
      .. "yaptığı gibi."},
    load = {"NAME dersini çalıştırır, ilk askıya almada durur", "NAME dersin adı, numarası "
      .. "ya da adının yalnızca ona uyan bir parçası. Duraklamada breakpoint'leri koyun, "
      .. "sonra :continue."},
    predict = {"tahmin oyunu olarak adım adım ilerleme", "Her duraklamada sıradaki olayı "
      .. "birkaç seçenek arasından tahmin edin (bir numara ya da olayın adı; Tab tamamlar); "
      .. "bir sonraki duraklama doğru bilip bilmediğinizi ve nedenini söyler. Bir ders adıyla "
      .. "(NAME): dersi ilk olayından başlayarak, tahmin ederek adım adım izleyin."},
    lang = {"English, Türkçe ya da 中文", "corolab'ın dili; başta --lang'den, o yoksa LC_ALL, "
      .. "LC_MESSAGES ya da LANG'den alınır."},
    tour = {"yaklaşık beş dakikalık rehberli bir tur", "Bir generator ve bir task, her "
      .. "seferinde bir olay; yol boyunca :frames, :show, :where, bir breakpoint ve bir "
      .. "dışa aktarma (:export)."},
  },
  ui = {
    banner = "%s — C++20 coroutine mekanizması, %s ile canlı olarak.",
    welcome = "İlk kez mi geliyorsunuz? Rehberli bir tur için %s, komutlar için %s yazın; "
      .. "coro yüklü. Ctrl-D ile çıkılır.",
    help_title = "corolab komutları",
    help_note = "(yalnızca tek bir komuta uyan kısaltmalar da olur; h bir handle, h alanı olan "
      .. "bir dönüş nesnesi ya da bir frame id'si veren bir Lua ifadesidir)",
    help_end = "Geri kalan her şey Lua'dır: ifadeler değerlerini yazdırır. Ctrl-C yarıda "
      .. "keser, Ctrl-D çıkar (bir duraklamada: devam eder).",
    language = "dil: %s",
    step = "adım",
    breakpoint = "breakpoint %d",
    finished = "bitti",
    loaded = "%s yüklendi (:break EVENT, sonra :continue)",
    lesson = "ders %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro), aynı program",
    take_away = "akılda kalsın:",
    lessons_end = "(:lesson N ya da :load NAME bir dersi çalıştırır ve ilk askıya almada "
      .. "durur; :predict NAME onu tahmin oyunu olarak adım adım ilerletir)",
    no_progress = "(ilerleme %s dosyasında tutulamıyor)",
    predict_on = "tahmin modu açık: her duraklamada sırada ne olacağını tahmin edin; :step "
      .. "devam eder",
    predict_question = "sırada ne olacak?",
    predict_prompt = "tahmininiz (numara ya da ad, Tab tamamlar; Enter: hiçbiri) ",
    predict_right = "doğru: %s",
    predict_wrong = "%s değil: doğrusu %s (nedeni aşağıda)",
    predict_unlisted = "(%s seçenekler arasında yoktu: puan yok)",
    predict_unknown = "'%s' seçeneklerden hiçbiri değil: bu sefer tahmin yok",
    predict_score = "tahminler: %d doğru, toplam %d",
    record_usage = "record N: son N olayı sakla; N, 0 ya da daha büyük bir tam sayı "
      .. "(0: hiçbirini saklama)",
    record_off = "kayıt kapalı: hiçbir olay saklanmıyor; bu yüzden :log, :where, :back, "
      .. ":goto, :replay, :diff N M ve :export yeni bir şey göstermez ve çalıştırmalar tam "
      .. "hızda gider; :trace, :step ve kesme noktaları açıkken çalışmaya devam eder. "
      .. ":record N kaydı yeniden açar",
    record_many = "(bu çalıştırma %d olayı geçti ve her biri kaydediliyor: bu onu yavaşlatır "
      .. "ve bellek harcar. :record 0 kaydı kapatır; Ctrl-C çalıştırmayı durdurur)",
    goto_outside = "%s numaralı olay yok: kayıtta %s var (numaralar %d ile %d arası)",
    back_first = "(:back %d: bundan önce yalnızca %d olay kaydedildi; ilkinde, olay %d)",
    condition_changed = "kesme noktası %d: koşulu %d olay üretti (bir coroutine'i sürdürdü, "
      .. "yok etti ya da çağırdı); çalıştırma artık eskisi gibi değil. Bir koşul yalnızca ev, "
      .. "h ve p'ye bakmalı. Burada durdu",
  },
  tour = {
    title = "corolab turu",
    intro = "bir C++ derleyicisinin bir coroutine için ürettiği her adım, her seferinde bir "
      .. "olay. Her olay ilk gerçekleştiğinde açıklanır.",
    pause = "  [Enter] sonraki, q: gerisini sessizce çalıştır ",
    generator = "1. Bir generator",
    generator_intro = "Bir generator'ın promise türü, co_yield ile verilen her değeri saklar. "
      .. "initial_suspend suspend_always döndürür; bu yüzden range(2) çağrısı yalnızca "
      .. "frame'i kurar.",
    call = "çağrı: frame, promise, dönüş nesnesi, ilk askıya alma",
    frames = "canlı frame'ler, her biri bir satırda",
    show = "frame'in içi: yerleşim, promise, parametreler, yereller",
    first_resume = "gövdeyi co_yield 0'a kadar çalıştırır",
    where = "durduğu yer, derleyicinin gövdeye sardığı kodda",
    read = "tüketici değeri promise'ten okur",
    ["break"] = "breakpoint: sıradaki yield_value çağrılmadan önce dur",
    stop_resume = "co_yield 1'e doğru; breakpoint onu durdurur",
    at_stop = "Duraklamada istem şunları görür: ev (olay), h (handle) ve p (promise). Tur "
      .. "sizin yerinize bir satır yazar, sonra :continue.",
    value = "yoldaki değer ve promise'in hâlâ tuttuğu değer",
    delete = "turun breakpoint'ine artık gerek yok",
    last_resume = "sona akar: return_void, son askıya alma",
    done = "son askıya alma noktasında askıda",
    destroy = "frame yok edilir",
    task = "2. Bir task'ı bekleyen bir task",
    task_intro = "Bir task da tembeldir. co_await inner(), inner'ı simetrik aktarımla "
      .. "(symmetric transfer) başlatır; inner'ın final awaiter'ı kontrolü onu bekleyen "
      .. "coroutine'e, outer'a geri aktarır.",
    task_call = "tembel: ilk askıya alma noktasında askıda",
    task_step = "onu olay olay devam ettir: tur ilk duraklamalarda :step, sonra :continue "
      .. "yazar; outer, inner'ı bekler: aktarım ve geri dönüş",
    task_value = "sonuç, son askıya alma noktasında beklerken okunur",
    export = "bütün çalışma, onu oynatan bir sayfa olarak",
    exported = "%s dosyasını bir tarayıcıda açın: çalışmayı çevrimdışı yeniden oynatır (← → "
      .. "adım, boşluk oynatır; her olayda bir kaydırıcı, frame'ler, sarmalayıcıdaki imleç ve "
      .. "kaynak satırı).",
    closing = "Yaşam döngüsünün tamamı buydu. Şimdi kendi başınıza keşfedin: :step h bir "
      .. "coroutine'i olay olay izler, :break EVENT bir olayda durur, :where sarmalayıcı kodu "
      .. "gösterir, :frames ve :show frame'lere bakar.",
    next = "Sırada: :lessons dersleri listeler, her biri tek bir kavram (:lesson 1 ilkini "
      .. "başlatır); :help bütün komutları listeler.",
  },
}
