-- tr.lua — corolab'ın Türkçe sözleri: her yaşam döngüsü olayının
-- açıklaması ve dayandığı kural (events), her komutun ne yaptığı (help),
-- öğrencinin karşılaştığı iletiler (ui: string.format kalıpları; "%2$s"
-- ikinci değeri alır), turun metni (tour), frame durumları (states),
-- çalışma zamanının kendi sözleri (runtime), sarmalayıcının açıklamaları
-- (wrapper), frame yerleşimi (layout), sayfanın etiketleri (page), komut
-- satırının kullanımı (usage) ve C++'ın belirtmediği sıralar (orders);
-- anahtarlar en.lua ile aynı. Teknik terimler, Türkçe C++ notlarında
-- olduğu gibi İngilizce bırakıldı (coroutine, promise, handle, frame,
-- awaiter, breakpoint, suspend / askıya alma, resume / devam ettirme).
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
        "await_suspend noop_coroutine() döndürdü: ona aktarım hiçbir şey yapmaz, kontrol, "
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
        .. "o zaman istisna co_await noktasında fırlatılır) [expr.await]/5.2.",
      final =
        "Son askıya alma noktasında awaiter.await_resume(): final_suspend'in awaiter'ı askıya "
        .. "almadı; coroutine sonuna akar ve frame'i yok edilir "
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
    ["~temporary"] =
      "Hiçbir co_await'in almadığı bir geçici nesne (hiç beklenmeyen bir coro.temporary), tam "
      .. "ifadesinin sonunda, en son oluşturulan önce olmak üzere yok ediliyor: tam ifade "
      .. "bittiğinde, bir hata onu terk ettiğinde ya da destroy() içinde askıda kalan bir "
      .. "coroutine'i bitirdiğinde [class.temporary]/4.",
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
      .. "değerlerle, '<' yalnızca ilkinde, '>' yalnızca ikincisinde. FILE.json bir çalışma "
      .. "kaydıdır ve oynatılır: Lua aynasına karşı gerçek bir C++ programı, frame'ler sırayla "
      .. "hizalanır. corolab --diff A.lua B.lua ile aynı."},
    display = {"her duraklamadan sonra hareket eden frame'i gösterir", "Durumunu, askıya "
      .. "alma noktasını, promise'ini ve beklediği awaiter'ı. Başta açık."},
    log = {"kaydedilen son N olay", "Başta 20; her biri argümanları ve döndürdüğü değerle, "
      .. "ör. yield_value(1) → suspend_always."},
    trace = {"her olayı olduğu anda yazdırır", "Girinti, resume derinliğini gösterir."},
    error = {"bir hata, Lua yığın iziyle", "Duraklamadaki hatanın, N numaralı olayın ya da "
      .. "kaydedilen son hatanın; başka her yerde bir hata değeriyle görünür: throw(\"...\")."},
    export = {"kaydedilen çalışmayı FILE dosyasına yazar", "chrome: Chrome trace JSON'u "
      .. "(ui.perfetto.dev'de açın); mermaid: bir Mermaid sıra diyagramı; dot: bir Graphviz "
      .. "durum grafiği; html: çalışmayı tarayıcıda, çevrimdışı oynatan tek bir sayfa "
      .. "(FILE.html#event=N, N numaralı olayda açılır)."},
    record = {"kaydın tuttuğu olay sayısı", "Son olaylar tutulur; başta 100000. N ile: son N "
      .. "olayı tutar."},
    lessons = {"dersler, bitirilenler işaretli", "Her biri bir C++20 programını yansıtan "
      .. "kısa bir Lua betiği; ilerleme ~/.corolab/progress dosyasında (ya da "
      .. "$COROLAB_HOME altında) tutulur."},
    lesson = {"N numaralı dersi çalıştırır, öğrettiği yerlerde durur", ":load gibi."},
    load = {"NAME dersini çalıştırır, öğrettiği yerlerde durur", "NAME dersin adı ya da "
      .. "numarası, ya da adının tek bir derse uyan bir parçası. Ders, seçtiği olaylarda, "
      .. "ilk olayından başlayarak durur; diğer her olay geçerken gösterilir, her "
      .. "açıklama bir kez. Bir durakta: :continue sonrakine, :step bir olay ilerler; "
      .. "breakpoint de konabilir."},
    predict = {"tahmin oyunu olarak adım adım ilerleme", "Bir ders NAME ile: seçtiği her "
      .. "durakta sıradaki olayı birkaç seçenekten tahmin edin (numara ya da olayın adı; "
      .. "Tab tamamlar); tahmin kendiliğinden ilerler, doğru olup olmadığını, yanlışsa "
      .. "neden sırada olamayacağını söyler; puan gittikçe gösterilir. on ile: her :step "
      .. "duraklaması sorar."},
    lang = {"English, Türkçe ya da 中文", "corolab'ın dili; başta --lang'den, o yoksa LC_ALL, "
      .. "LC_MESSAGES ya da LANG'den alınır."},
    tour = {"yaklaşık beş dakikalık rehberli bir tur", "Bir generator ve bir task, her "
      .. "seferinde bir olay; :step, :where, bir breakpoint ve bir dışa aktarma ile; "
      .. ":lessons'a varır."},
    order = {"g++ 12'nin ya da clang 14'ün seçimleri", "C++'ın bir sırayı belirtmediği ve "
      .. "g++ 12 ile clang 14'ün farklı davrandığı yerlerde corolab onlardan birini izler: "
      .. "başta g++'yı (ya da --order ne diyorsa onu). Argümansız: şimdiki seçim ve böyle her "
      .. "sıra, her derleyicinin ne yaptığıyla. Böyle bir seçimin yerleştirdiği olay :trace, "
      .. ":log, duraklamalar ve sayfada ‡ ile işaretlenir."},
    play = {"FILE çalışma kaydını oynatır", "Tek bir çalışmanın kaydı: corolab/trace.hpp'nin "
      .. "gerçek bir C++20 programı için yazdığı, ya da corolab --export record'un bir betik "
      .. "için yazdığı. Kayıt çalışmanın yerini alır: :log, :goto, :back, :replay, :where, "
      .. ":frames, :show ve :export onunla canlı bir çalışmadaki gibi çalışır, hiçbir şey "
      .. "çalıştırılmaz. Programın göremediği olaylar (çıkarım) diye işaretlenir. corolab "
      .. "--play FILE gibi."},
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
    lesson = "ders %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro), aynı program",
    cpp_refused = "g++'ın reddettiği C++20 (her hata, yorumunun adını verdiği satırda)",
    take_away = "akılda kalsın:",
    lessons_end =
      "(:lesson N ya da :load NAME bir dersi çalıştırır ve öğretmek için seçtiği "
      .. "olaylarda durur; :predict NAME onları tahmin oyununa çevirir)",
    lesson_stop = "durak",
    lesson_stops =
      "Ders, öğretmek için seçilmiş olaylarda durur; diğer her olay geçerken gösterilir, "
      .. "her açıklama bir kez. Bir durakta: :continue sonrakine geçer, :step bir olay "
      .. "ilerler; :where ve :show etrafa bakar.",
    quiz_stops =
      "Tahmin oyunu: dersin seçtiği her olayda sırada ne geleceğini tahmin edin; tahmin "
      .. "kendiliğinden ilerler. Diğer her olay geçerken gösterilir. Enter bir soruyu "
      .. "atlar, Ctrl-D oyunu bitirir.",
    narrated = "olay",
    narrated_more =
      "(sonraki durağa kadar başka olaylar da var, gösterilmedi: :log listeler)",
    no_progress = "(ilerleme %s dosyasında tutulamıyor)",
    no_script = "%s açılamıyor: böyle bir dosya da, bu adda yerleşik bir betik de yok (:lessons'ın listelediği bir ders ya da karşılaştırma çiftlerinden biri: %s)",
    which_lesson = "hangi ders? :lessons hepsini listeler",
    no_lesson_number = "%s numaralı ders yok: dersler 1'den %d'e kadar numaralı (:lessons listeler)",
    lessons_named = "'%s' birden çok derse uyuyor: %s",
    no_lesson_named = "'%s' adında ders yok: %s",
    stops_no_event = "%s: stops: '%s' diye bir olay yok",
    stops_not_occurrence = "%s: stops: bir sıra numarası değil: %s",
    predict_question = "sırada ne olacak?",
    predict_prompt = "tahmininiz (numara ya da ad, Tab tamamlar; Enter: tahmin yok) ",
    predict_prompt_lesson = "tahmininiz (numara ya da ad, Tab tamamlar; Enter: atla) ",
    predict_right = "doğru: %s  (%d doğru, toplam %d)",
    predict_wrong = "%s değil: doğrusu %s  (%d doğru, toplam %d)",
    predict_why = "neden olamaz: %s",
    predict_left = "başka soru yok; çalışma sürüyor",
    predict_unlisted = "(%s seçenekler arasında yoktu: puan yok)",
    predict_unknown =
      "'%s' seçeneklerden hiçbiri değil: 1 ile %d arasında bir numara, bir ad ya da Enter",
    predict_score = "tahminler: %d doğru, toplam %d",
    -- komutların söyledikleri (string.format kalıpları)
    unknown_command = "bilinmeyen komut :%s (:help hepsini listeler)",
    ambiguous_command = ":%s belirsiz: %s",
    command_missing = "':' işaretinden sonra bir komut adı gerekir (:help hepsini listeler)",
    usage = "kullanım: %s",
    switch_usage = "%s on ya da %s off",
    switch_on = "%s açık",
    switch_off = "%s kapalı",
    no_events = "henüz kaydedilmiş olay yok",
    no_event_of_it = "%s içinde ona ait olay yok",
    extent = "%d olay",
    extent_dropped = "toplam %2$d olayın son %1$d tanesi (öncesindeki %3$d olay atıldı: "
      .. ":record N daha fazlasını tutar)",
    log_usage = "log N: son N olay; N, 1 ya da daha büyük bir tam sayı",
    session = "corolab oturumu",
    wrote = "%s (%s) %s dosyasına yazıldı",
    recording = "kayıt son %d olayı tutar; şu an %s var",
    no_language = "'%s' diye bir dil yok: %s",
    export_option = "--export FORMAT=FILE; FORMAT şunlardan biri: %s; verilen: '%s'",
    unknown_format = "bilinmeyen dışa aktarma biçimi '%s': %s",
    alternatives = "%s ya da %s",
    cannot_write = "dışa aktarma yazılamıyor: %s",
    cannot_write_to = "dışa aktarma %s dosyasına yazılamıyor: %s",
    interrupted = "yarıda kesildi! (%s)",
    nothing_ran = "çalışan bir coroutine yoktu",
    ran_destroyed = "%s çalışıyordu; o zamandan beri yok edildi",
    ran_now = "%s çalışıyordu; şimdi %s",
    ran_done = "%s, bitti: kesme, gövdesinden bir istisna olarak geçti (:show %d daha "
      .. "fazlasını söyler)",
    ran_on = "%s, süren bir çağrının içinde",
    state_at = "%s (%s)",
    a_co_await = "bir co_await",
    event = "olay %s",
    by = "devam ettiren: %s",
    from = "aktaran: %s",
    at = "konum: %s",
    promise = "promise %s",
    awaiting = "beklediği: %s",
    condition_failed = "breakpoint %d: koşul hata verdi: %s",
    destroyed = "yok edildi",
    frame_is = "%s: %s",
    kept_in_underscore = "(dönüş nesnesi, _ içinde tutuluyor)",
    resume_undefined = "%s; onu devam ettirmek tanımsız davranış olur",
    step_what = "neyi adımlayayım? :step h (bir handle ya da bir frame id'si)",
    step_gone = ":step'in en son devam ettirdiği frame artık yok",
    not_stopped = "%s: bir olayda durulmuyor (breakpoint'e gelinmedi, :step yok)",
    no_breakpoints = "breakpoint yok",
    hits = "%d kez",
    no_event_kind = "'%s' diye bir olay yok; olaylar: %s",
    too_deep = "(condition): Lua'nın ayrıştırıcısı için fazla iç içe (%s)",
    bad_condition = "bu koşul kullanılamıyor: %s",
    breakpoint_set = "breakpoint %d: %s",
    all_deleted = "bütün breakpoint'ler silindi",
    deleted = "breakpoint %d silindi",
    no_breakpoint = "%s numaralı breakpoint yok",
    argument = "argüman",
    no_live_frame = "#%d diye canlı bir frame yok (:frames listeler)",
    not_a_handle = "%s bir coroutine handle'ı değil, onu tutan bir dönüş nesnesi de değil, "
      .. "bir frame id'si de değil",
    not_a_handle_but = "%s, %s; bir coroutine handle'ı değil, onu tutan bir dönüş nesnesi de "
      .. "değil, bir frame id'si de değil",
    which_frame = "hangi frame? bir handle ya da bir frame id'si verin",
    noop_handle = "%s, noop_coroutine(): kendi frame'i olmayan bir handle; done() false'tur, "
      .. "resume() ve destroy() hiçbir şey yapmaz",
    by_transfer = "%s (aktarım)",
    col_id = "id",
    col_coroutine = "coroutine",
    col_promise_type = "promise türü",
    col_state = "durum",
    col_at = "askıda olduğu yer",
    col_resumed_by = "son devam ettiren",
    no_live_frames = "canlı frame yok",
    row_frame = "frame",
    row_layout = "yerleşim",
    row_promise = "promise",
    row_params = "parametreler",
    row_locals = "yereller",
    row_awaiter = "awaiter",
    row_where = "yer",
    none = "(yok)",
    frame_size = "%d bayt, operator new'un aldığı",
    size_unknown = "boyut bilinmiyor",
    last_resumed_by = "%s; son devam ettiren: %s",
    bytes = "%d bayt",
    replay = "tekrar",
    replay_dropped = "(kayıt öncesindeki olayları attı; en eskisi olan %d numaralı olaydayız)",
    back_usage = "back N: N olay geri; N, 1 ya da daha büyük bir tam sayı",
    goto_usage = "goto N: N numaralı olay (numaraları :log gösterir)",
    no_such_event = "%d numaralı olay yok: kayıtta %s var (%d ile %d arası numaralar)",
    replay_end = "bu, kaydedilen son olaydı: canlı noktaya dönüldü",
    no_frame_then = "%2$d numaralı olayda #%1$d frame'i yok (:frames o an canlı olanları "
      .. "listeler)",
    at_event_then = "(%d numaralı olayda; şimdiki için :continue)",
    where_title = "%1$s, %2$d numaralı olayda: %3$s",
    chain = "devam ettirme zinciri: %s",
    chain_idle = "devam ettirme zinciri: şu an hiçbir şey çalışmıyor",
    chain_called = "çağırdı: %s",
    chain_resumed = "devam ettirdi: %s",
    chain_destroyed = "yok etti: %s",
    chain_transferred = "aktardı: %s",
    error_usage = "error N: N numaralı olayın hatası (numaraları :log gösterir)",
    error_none = "henüz kaydedilmiş hata yok",
    error_not_error = "%d numaralı olay %s, hata değil: hatayı throw ve "
      .. "unhandled_exception taşır",
    error_of = "%d numaralı olayın hatası, %s, Lua yığın iziyle:",
    diff_too_many = "hizalanacak olay çok fazla (%d ve %d; en çok %d çift): daha kısa "
      .. "çalışmaları karşılaştırın",
    diff_side = "%s: %d olay",
    diff_folded = "... ortak %d olay daha ...",
    diff_summary = "%d ortak (%d tanesi başka değerlerle), %d yalnızca %s içinde, %d yalnızca "
      .. "%s içinde",
    diff_first_value = "ilk farklı değer: %d ve %d numaralı olaylar, %s ile %s",
    diff_first_step = "yalnızca birinin attığı ilk adım: %d numaralı olay, %s içinde, %s",
    diff_same = "iki çalışma adım adım aynısını yaptı",
    apart_no_memory = "%s: onu çalıştıracak ayrı bir Lua durumu için bellek yetmedi",
    apart_not_data = "%s: çalışması düz veriden fazlası olarak döndü, bu yüzden karşılaştırılamıyor",
    diff_run = "%d numaralı çalışma (%d-%d arası olaylar)",
    diff_no_run = "%d numaralı çalışma yok: %s",
    diff_no_runs_yet = "henüz olay üreten bir komut satırı yok",
    diff_usage = "kullanım: :diff A.lua B.lua (iki betik), :diff N M (istemde yapılan N ve M "
      .. "numaralı çalışmalar) ya da :diff (son ikisi)",
    diff_not_two = "karşılaştırılacak iki çalışma henüz yok: olay üreten her komut satırı bir "
      .. "çalışmadır (ya da :diff A.lua B.lua)",
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
    -- C++'ın bir sırayı belirtmediği yerler (coro.unspecified; :order, --order)
    unspecified_mark = "‡ %s gibi",
    unspecified_note = "‡ derleyiciye bağlı: C++ %s belirtmez %s. g++ 12 %s; clang 14 %s. "
      .. "corolab burada %s gibi davranıyor (:order, --order).",
    order_now = "sıra: C++'ın bir sırayı belirtmediği yerlerde corolab %s gibi davranıyor",
    order_item = "%s: C++ %s belirtmez %s. g++ 12 %s; clang 14 %s.",
    order_usage = "order g++|clang: C++'ın bir sırayı belirtmediği yerlerde corolab'ın kimin "
      .. "seçimini izlediği, g++ 12'ninkini ya da clang 14'ünkünü",
    order_option = "--order g++|clang: C++'ın bir sırayı belirtmediği yerlerde corolab'ın "
      .. "kimin seçimini izlediği; '%s' değil",
    play_cannot_open = "%s oynatılamıyor: %s",
    play_not_record = "%s oynatılamıyor: ilk satırı bir corolab çalışma kaydının başı değil "
      .. "(corolab/trace.hpp ve corolab --export record'un yazdığı: docs/record-format.md)",
    play_stopped = "%s: %d. satır %s; kayıt orada kesilmiş ya da düzenlenmiş: ondan önceki %d "
      .. "olayı oynatılıyor",
    play_newer_stopped = "%1$s, bu %3$s sürümünden yeni olan %2$s ile yazılmış: %4$d. satırı "
      .. "%5$s; ondan önceki %6$d olayı oynatılıyor",
    play_truncated = "%s kaydının sonu yok: programı onu bitirmedi (çöktü ya da hâlâ "
      .. "çalışıyor) ya da dosya kesildi; bütün olan %d olayı oynatılıyor",
    play_newer = "%1$s, bu %3$s sürümünden yeni olan %2$s ile yazılmış, ama bu sürümün "
      .. "bilmediği bir şey içermiyor: tamamı oynatılıyor",
    play_why_json = "JSON değil (%d. karakterde)",
    play_why_field = "geçerli bir %s alanı içermiyor",
    play_why_seq = "%2$d numaralı olay beklenirken %1$d numaralı olay",
    play_why_kind = "bu corolab'ın bilmediği bir olay adlandırıyor: %s",
    play_why_cause = "bu corolab'ın bilmediği bir neden adlandırıyor: %s",
    play_why_frame = "kayıtta olmayan #%d frame'ini adlandırıyor",
    play_why_freed = "#%d frame'inin operator delete'inden sonra gelen bir olay",
    play_why_end = "olayları kaydın son satırından önce bitiriyor",
    play_why_footer = "biçimin sonu gibi okunmayan bir son",
    play_why_state = "#%2$d frame'inin %1$s olayı, oysa frame o sırada: %3$s",
    play_why_count = "%2$d olay yazılmışken %1$s olay diyor",
    played = "%1$s oynatılıyor: %3$s çalışmasının %2$d olayı. :log onları listeler; :replay, "
      .. ":goto N ve :back aralarında gezinir; :where, :frames ve :show her anı gösterir; "
      .. ":export yazar",
    played_traced = "%1$s oynatılıyor: %4$s ile derlenen %3$s programının %2$d olayı; programın "
      .. "göremediği olaylar (çıkarım) diye işaretli. :log onları listeler; :replay, :goto N "
      .. "ve :back aralarında gezinir; :where, :frames ve :show her anı gösterir; :export yazar",
    play_not_live = "bir kayıt oynatılıyor: hiçbir şey çalışmıyor, bu yüzden :%s'in "
      .. "durduracağı bir şey yok; :replay, :goto N ve :back kayıtta gezinir",
    play_frame_id = "%s: oynatılan bir kayıtta handle yok; bir frame'i numarasıyla belirtin "
      .. "(:frames listeler)",
    inferred_mark = "(çıkarım)",
    inferred_note = "çıkarım: izlenen program bu olayı göremez; gördüğü olaylardan çıkar",
    not_recorded = "kaydedilmedi",
    diff_unseen = "(%2$s içindeki %1$d olay dışarıda bırakıldı; izlenen bir programın "
      .. "kaydında hiç bulunmayan türlerden: %3$s)",
  },
  tour = {
    title = "corolab turu",
    intro =
      "bir generator ve bir task, C++'ın çalıştırdığı gibi, her seferinde bir yaşam "
      .. "döngüsü olayı. Her olay türü bir kez gösterilir, önemlileri açıklanır.",
    pause = "  [Enter] sonraki, q: sessiz ",
    generator = "1. Bir generator",
    generator_intro =
      "promise türünün üyeleri derleyicinin çağırdıklarıdır. initial_suspend, "
      .. "suspend_always döndürür; bu yüzden range(2) yalnızca frame'i kurar.",
    call = "çağrı: frame, promise, dönüş nesnesi, ilk askıya alma",
    step = "olay olay devam ettir: tur önce :step, sonra :continue yazar",
    where = "derleyicinin gövdenin etrafına sardığı kodda nerede durduğu",
    ["break"] = "sıradaki yield_value çağrılmadan önce dur",
    stop_resume = "co_yield 1'e doğru; breakpoint onu durdurur",
    at_stop = "Bir duraklamada ev olay, h handle, p promise'tir.",
    value = "yoldaki değer ve promise'in hâlâ tuttuğu",
    last_resume = "sona akar: return_void, sonra son askıya alma noktası",
    destroy = "frame'i sahibi yok eder",
    task = "2. Bir task'ı bekleyen bir task",
    task_intro =
      "coro.task da tembeldir: co_await inner(), inner'ı simetrik aktarımla başlatır; "
      .. "inner'ın son awaiter'ı da outer'a geri aktarır.",
    task_call = "ilk askıya alma noktasında askıda",
    task_run = "outer'ı sonuna kadar çalıştırır",
    task_close = "frame yok edilir",
    export = "bütün çalışma, onu oynatan bir sayfa olarak",
    exported =
      "%s dosyasını bir tarayıcıda açın: çalışmayı çevrimdışı oynatır; sarmalayıcıdaki "
      .. "imleç, frame'ler ve her olayda kaynak satırı ile.",
    closing =
      "Yaşam döngüsünün tamamı buydu. Sırada: :lessons dersleri listeler, her biri tek "
      .. "bir kavram (:lesson 1 ilkini başlatır); :help komutları listeler.",
    folded = "(yukarıda gösterilen türlerden %d olay daha)",
  },
  -- predict: bir tahminin neden sırada olamayacağı, her olay ve ondan sonra
  -- :predict'in sunduğu her seçenek için ("OLAY > SEÇENEK"), kuralıyla
  predict = {
    ["await_ready > await_resume"] =
      "await_resume, await_ready'nin hemen ardından yalnızca true döndüğünde gelir; false "
      .. "döndü, bu yüzden coroutine önce askıya alınır [expr.await]/5.1.",
    ["await_ready > await_suspend"] =
      "await_suspend ancak coroutine askıya alındıktan sonra çağrılır: askıya alma, "
      .. "await_ready ile await_suspend arasındadır [expr.await]/5.1.",
    ["await_ready > suspend"] =
      "Coroutine yalnızca await_ready false döndürdüğünde askıya alınır; true döndürdü, "
      .. "bu yüzden await_resume hemen gelir [expr.await]/5.1.",
    ["await_resume > return_value"] =
      "await_resume'dan sonra gövde sürer: return_value yalnızca değerli bir co_return'de "
      .. "gelir, geçici bir awaiter da önce yok edilir [stmt.return.coroutine]/2.",
    ["await_resume > yield_value"] =
      "await_resume'dan sonra gövde sürer: yield_value yalnızca bir co_yield'de gelir, "
      .. "geçici bir awaiter da önce yok edilir [expr.yield]/1, [class.temporary]/4.",
    ["await_resume > ~awaiter"] =
      "Bir awaiter co_await'inin sonunda yalnızca geçici bir nesneyse yok edilir; değilse "
      .. "gövde sonraki deyimine geçer [class.temporary]/4.",
    ["await_resume > ~promise_type"] =
      "Frame, await_resume'un hemen ardından yalnızca son askıya alma noktasında, "
      .. "final_suspend'in awaiter'ı askıya almadığında yok edilir; gövdede co_await "
      .. "biter ve gövde sürer [dcl.fct.def.coroutine]/11.",
    ["await_suspend > await_resume"] =
      "await_resume hiçbir zaman doğrudan await_suspend'in ardından gelmez: coroutine "
      .. "önce devam ettirilir, handle'ı tutan biri ya da false döndüren await_suspend "
      .. "tarafından [expr.await]/5.1.",
    ["await_suspend > resume"] =
      "Coroutine yalnızca await_suspend false döndürdüğünde hemen devam eder "
      .. "[expr.await]/5.1.2.",
    ["await_suspend > return to caller"] =
      "Kontrol çağırana ya da devam ettirene yalnızca await_suspend void, true ya da "
      .. "noop_coroutine() döndürdüğünde döner [expr.await]/5.1.1.",
    ["await_suspend > symmetric transfer"] =
      "Simetrik aktarım yalnızca await_suspend bir coroutine handle'ı döndürdüğünde olur; "
      .. "o zaman sırada o coroutine çalışır [expr.await]/5.1.3.",
    ["await_transform > await_ready"] =
      "await_transform'un döndürdüğü şey, varsa, önce kendi operator co_await'inden geçer "
      .. "[expr.await]/3.3.",
    ["await_transform > operator co_await"] =
      "operator co_await yalnızca awaitable'ın üye ya da üye olmayan bir operator "
      .. "co_await'i varsa uygulanır; bu nesne kendi awaiter'ıdır [expr.await]/3.3.",
    ["await_transform > suspend"] =
      "Bir co_await ancak await_ready false döndürdükten sonra askıya alır "
      .. "[expr.await]/5.1.",
    ["destroy > ~awaiter"] =
      "destroy() önce bir awaiter'ı yalnızca coroutine geçici bir awaiter'ı bekliyorsa "
      .. "yok eder; burada hiçbirini beklemiyor [dcl.fct.def.coroutine]/11.",
    ["destroy > ~locals"] =
      "destroy(), askıya alma noktasında yaşayanları sırayla yok eder: beklediği awaiter, "
      .. "yerel değişkenler, sonra promise [dcl.fct.def.coroutine]/11.",
    ["destroy > ~promise_type"] =
      "destroy(), coroutine'in beklediği awaiter'ı ve yerel değişkenlerini promise'ten "
      .. "önce yok eder [dcl.fct.def.coroutine]/11.",
    ["final_suspend > await_ready"] =
      "co_await promise.final_suspend() önce awaiter'ının await_ready'sini sorar "
      .. "[expr.await]/5.1.",
    ["final_suspend > destroy"] =
      "Önce final_suspend'in awaiter'ı beklenir; frame, awaiter askıya almazsa ya da "
      .. "sonra destroy() ile yok edilir [dcl.fct.def.coroutine]/11.",
    ["final_suspend > suspend"] =
      "Son co_await de bir co_await'tir: await_ready her askıya almadan önce sorulur "
      .. "[dcl.fct.def.coroutine]/5, [expr.await]/5.1.",
    ["get_return_object > convert return object"] =
      "get_return_object'in sonucu dönüş türüne ancak kontrol çağırana ilk kez dönerken, "
      .. "initial_suspend'den sonra dönüştürülür [dcl.fct.def.coroutine]/7.",
    ["get_return_object > initial_suspend"] =
      "get_return_object istisna fırlatmadıkça ardından initial_suspend gelir; fırlatırsa "
      .. "istisna çağırana gider [dcl.fct.def.coroutine]/5, /7.",
    ["get_return_object > return to caller"] =
      "Çağıran kontrolü ancak ilk askıya almada ya da sonda geri alır: önce co_await "
      .. "promise.initial_suspend() gelir [dcl.fct.def.coroutine]/5.",
    ["initial_suspend > await_ready"] =
      "initial_suspend istisna fırlatmadıkça co_await promise.initial_suspend(), "
      .. "awaiter'ının await_ready'si ile sürer [expr.await]/5.1.",
    ["initial_suspend > await_transform"] =
      "await_transform ilk askıya alma noktasında asla uygulanmaz, yalnızca gövdedeki bir "
      .. "co_await'e [expr.await]/3.2.",
    ["initial_suspend > suspend"] =
      "Askıya alıp almamak önce sorulur: initial_suspend'in awaiter'ının await_ready'si "
      .. "her askıya almadan önce gelir [expr.await]/5.1.",
    ["initial_suspend > ~return object"] =
      "Dönüş nesnesi orada ancak initial_suspend istisna fırlatırsa yok edilir: ilk "
      .. "await_resume'dan önce istisna çağırana gider [dcl.fct.def.coroutine]/5.",
    ["operator co_await > await_ready"] =
      "operator co_await istisna fırlatmadıkça, verdiği awaiter'ın await_ready'si gelir "
      .. "[expr.await]/5.1.",
    ["operator co_await > await_resume"] =
      "await_resume, await_ready true döndürdükten ya da coroutine askıya alınıp devam "
      .. "ettirildikten sonra gelir; önce await_ready sorulur [expr.await]/5.1.",
    ["operator co_await > suspend"] =
      "Bir co_await ancak await_ready false döndürdükten sonra askıya alır "
      .. "[expr.await]/5.1.",
    ["operator new > get_return_object_on_allocation_failure"] =
      "get_return_object_on_allocation_failure yalnızca operator new nullptr "
      .. "döndürdüğünde çağrılır; burada frame var, parametreler ona kopyalanır "
      .. "[dcl.fct.def.coroutine]/10, /13.",
    ["operator new > parameter copies"] =
      "Parametreler frame'e ancak operator new bellek verdikten sonra kopyalanır; nullptr "
      .. "döndürdü, bu yüzden çağırana get_return_object_on_allocation_failure() cevap "
      .. "verir [dcl.fct.def.coroutine]/10.",
    ["operator new > promise_type"] =
      "promise, kurucusu kopyaları alabilsin diye parametre kopyalarından sonra "
      .. "oluşturulur [dcl.fct.def.coroutine]/13.",
    ["parameter copies > get_return_object"] =
      "get_return_object promise'in bir üyesidir ve promise henüz yok: önce o oluşturulur "
      .. "[dcl.fct.def.coroutine]/5, /7.",
    ["parameter copies > initial_suspend"] =
      "initial_suspend, promise oluşturulduktan ve get_return_object çağıranın sonucunu "
      .. "yaptıktan sonra gelir [dcl.fct.def.coroutine]/5, /7.",
    ["parameter copies > promise_type"] =
      "Bir kopya istisna fırlatmadıkça promise, parametre kopyalarının hemen ardından "
      .. "oluşturulur [dcl.fct.def.coroutine]/13.",
    ["promise_type > get_return_object"] =
      "Kurucu istisna fırlatmadıkça get_return_object promise'in kurucusunun ardından "
      .. "gelir [dcl.fct.def.coroutine]/7.",
    ["promise_type > initial_suspend"] =
      "get_return_object, initial_suspend'den önce çalışır [dcl.fct.def.coroutine]/7.",
    ["promise_type > parameter copies"] =
      "Parametreler promise'ten önce kopyalandı; kurucusu kopyaları alabilsin diye "
      .. "[dcl.fct.def.coroutine]/13.",
    ["resume > await_ready"] =
      "await_ready askıya almadan önce soruldu; devam ettirilen coroutine ondan sonra, "
      .. "await_resume ile sürer [expr.await]/5.2.",
    ["resume > await_resume"] =
      "Devam ettirilen bir coroutine, askıya alındığı co_await ile sürer; bu yüzden önce "
      .. "await_resume gelir [expr.await]/5.2.",
    ["resume > yield_value"] =
      "Devam ettirilen bir coroutine önce askıya alındığı co_await'i bitirir: "
      .. "await_resume, sonraki co_yield'in yield_value'sundan önce gelir "
      .. "[expr.await]/5.2.",
    ["return to caller > destroy"] =
      "Kontrol döndükten sonra çağıranın kendi kodu çalışır: bir frame ancak biri "
      .. "handle'ında destroy() çağırınca yok edilir [coroutine.handle.resumption].",
    ["return to caller > operator new"] =
      "Kontrol döndükten sonra çağıranın kendi kodu çalışır: bir frame ancak bir "
      .. "coroutine çağrıldığında ayrılır [dcl.fct.def.coroutine]/9.",
    ["return to caller > resume"] =
      "Kontrol döndükten sonra çağıranın kendi kodu çalışır: bir coroutine ancak biri "
      .. "handle'ında resume() çağırınca devam eder [coroutine.handle.resumption].",
    ["return_value > final_suspend"] =
      "Yerel değişkenler return_value ile final_suspend arasında yok edilir: co_return "
      .. "önce onların kapsamından çıkar [stmt.return.coroutine]/2, [stmt.jump]/2.",
    ["return_value > return_void"] =
      "Bir coroutine ya return_value ya return_void çağırır, ikisini birden asla: "
      .. "co_return v, return_value'yu çağırdı [stmt.return.coroutine]/2.",
    ["return_value > ~locals"] =
      "return_value'dan sonra yerel değişkenler yok edilir, sonra coroutine son askıya "
      .. "alma noktasına varır [stmt.return.coroutine]/2.",
    ["return_void > destroy"] =
      "return_void'den sonra coroutine son askıya alma noktasına varır: sırada co_await "
      .. "promise.final_suspend() var [dcl.fct.def.coroutine]/5.",
    ["return_void > final_suspend"] =
      "co_return; sonrasında yerel değişkenler final_suspend'den önce yok edilir; "
      .. "yalnızca gövde sonuna aktıysa zaten yok edilmişlerdir [stmt.return.coroutine]/3.",
    ["return_void > ~locals"] =
      "Yerel değişkenler zaten yok: gövde sonuna aktı ve onlar return_void'den önce yok "
      .. "edildi [stmt.return.coroutine]/3.",
    ["suspend > await_resume"] =
      "await_resume ancak coroutine devam ettirildikten sonra gelir; önce handle'ıyla "
      .. "await_suspend(h) çağrılır [expr.await]/5.1.",
    ["suspend > await_suspend"] =
      "Bir şey coroutine'i önce devam ettirmedikçe ya da yok etmedikçe askıya almanın "
      .. "ardından await_suspend(h) gelir [expr.await]/5.1.",
    ["suspend > return to caller"] =
      "await_suspend çalışmadan kontrol dönmez: askıya alınan coroutine'in handle'ını "
      .. "alır ve sırada neyin çalışacağına karar verir [expr.await]/5.1.",
    ["symmetric transfer > await_resume"] =
      "Aktarım önce öteki coroutine'i devam ettirir (onun resume'u); await_resume ondan "
      .. "sonra, onunkidir [expr.await]/5.1.3.",
    ["symmetric transfer > resume"] =
      "Sırada, handle'ını await_suspend'in döndürdüğü coroutine devam ettirilir "
      .. "[expr.await]/5.1.3.",
    ["symmetric transfer > return to caller"] =
      "Aktarım çağırana dönmez: bir kuyruk çağrısı gibi, handle'ını await_suspend'in "
      .. "döndürdüğü coroutine'i devam ettirir [expr.await]/5.1.3.",
    ["throw > unhandled_exception"] =
      "Önce yerel değişkenler yığın çözülürken yok edilir; ilk await_resume'dan önce ise "
      .. "istisna onun yerine çağırana gider [dcl.fct.def.coroutine]/5.",
    ["throw > ~locals"] =
      "İstisna gövdeyi çözerken, yaşayan yerel değişkenler varsa yok edilir "
      .. "[except.ctor]/2.",
    ["throw > ~return object"] =
      "Dönüş nesnesi yalnızca istisna ilk await_resume'dan önce geldiğinde yok edilir; "
      .. "gövde başlamıştı, bu yüzden catch unhandled_exception'ı çağırır "
      .. "[dcl.fct.def.coroutine]/5.",
    ["unhandled_exception > destroy"] =
      "unhandled_exception dönünce coroutine final_suspend'e gider; bir frame yalnızca "
      .. "destroy() ile ya da sonuna akarak yok edilir [dcl.fct.def.coroutine]/5, /11.",
    ["unhandled_exception > final_suspend"] =
      "final_suspend, unhandled_exception'ın ardından yalnızca o dönerse gelir; istisna "
      .. "fırlattı, bu yüzden coroutine final_suspend olmadan biter "
      .. "[dcl.fct.def.coroutine]/5.",
    ["unhandled_exception > return to caller"] =
      "unhandled_exception dönünce coroutine sürer: sırada co_await "
      .. "promise.final_suspend() var [dcl.fct.def.coroutine]/5.",
    ["yield_value > await_ready"] =
      "co_yield v, co_await promise.yield_value(v) demektir: yield_value istisna "
      .. "fırlatmadıkça döndürdüğü awaiter'ın await_ready'si gelir [expr.yield]/1.",
    ["yield_value > return_value"] =
      "yield_value coroutine'i bitirmez: awaiter'ı beklenir, return_value yalnızca bir "
      .. "co_return'de gelir [expr.yield]/1.",
    ["yield_value > suspend"] =
      "co_yield bir co_await'tir: yield_value'nun awaiter'ının await_ready'si her askıya "
      .. "almadan önce sorulur [expr.yield]/1, [expr.await]/5.1.",
    ["~awaiter > return_value"] =
      "co_await'ten sonra gövde sonraki deyimini çalıştırır: return_value yalnızca "
      .. "değerli bir co_return'de gelir [stmt.return.coroutine]/2.",
    ["~awaiter > yield_value"] =
      "co_await'ten sonra gövde sonraki deyimini çalıştırır: yield_value yalnızca bir "
      .. "co_yield'de gelir [expr.yield]/1.",
    ["~awaiter > ~locals"] =
      "Yerel değişkenler gövde bittiğinde (co_return, sona akma, bir istisna) ya da "
      .. "destroy()'da, en içtekinden başlayarak yok edilir [stmt.jump]/2.",
    ["~awaiter > ~promise_type"] =
      "promise yalnızca frame yok edilirken yok edilir, yerel değişkenler de ondan önce "
      .. "[dcl.fct.def.coroutine]/11.",
    ["~locals > final_suspend"] =
      "final_suspend, yerel değişkenlerin sonunun ardından yalnızca bir co_return'den "
      .. "sonra gelir; burada başka bir nedenle yok edildiler: sona akma, bir istisna ya "
      .. "da destroy() [dcl.fct.def.coroutine]/5.",
    ["~locals > return_void"] =
      "return_void, yerel değişkenlerin sonunun ardından yalnızca gövde sonuna aktığında "
      .. "gelir [stmt.return.coroutine]/3.",
    ["~locals > unhandled_exception"] =
      "unhandled_exception, yerel değişkenlerin sonunun ardından yalnızca gövdeden bir "
      .. "istisna çıktığında gelir [dcl.fct.def.coroutine]/5.",
    ["~locals > ~promise_type"] =
      "promise yerel değişkenlerin hemen ardından yalnızca destroy()'da yok edilir; yoksa "
      .. "coroutine son askıya alma noktasına gider [dcl.fct.def.coroutine]/11.",
    ["~parameters > operator delete"] =
      "Frame'in belleği, parametre kopyaları yok edilir edilmez serbest bırakılır "
      .. "[dcl.fct.def.coroutine]/12.",
    ["~parameters > return to caller"] =
      "Kontrol bir yere gitmeden frame'in belleği serbest bırakılır: sırada operator "
      .. "delete var [dcl.fct.def.coroutine]/12.",
    ["~parameters > ~promise_type"] =
      "promise, parametre kopyalarından önce yok edildi [dcl.fct.def.coroutine]/14.",
    ["~promise_type > operator delete"] =
      "Parametre kopyaları promise ile frame'in belleği arasında yok edilir "
      .. "[dcl.fct.def.coroutine]/14.",
    ["~promise_type > ~locals"] =
      "Yerel değişkenler promise'ten önce yok edildi: frame'in parçaları yapılışlarının "
      .. "tersi sırayla yok edilir [dcl.fct.def.coroutine]/11.",
    ["~promise_type > ~parameters"] =
      "Parametre kopyaları promise'in hemen ardından yok edilir "
      .. "[dcl.fct.def.coroutine]/14.",
  },
  states = {   -- bir frame'in durumu (coro.states anahtarları), :frames ve sayfada
    prologue = "giriş",
    suspended_initial = "ilk noktada askıda",
    suspended = "askıda",
    suspended_final = "son noktada askıda",
    running = "çalışıyor",
    destroying = "yok ediliyor",
  },
  runtime = {  -- çalışma zamanının bir kayıttaki kendi sözleri
    initial_point = "ilk askıya alma noktası",
    final_point = "son askıya alma noktası",
    initial_awaiter = "initial_suspend'in awaiter'ı",
    operand = "co_await'in işleneni",
    yield_awaiter = "yield_value'nun awaiter'ı",
    final_awaiter = "final_suspend'in awaiter'ı",
    resume_called = "resume() çağrıldı",
    transferred = "await_suspend kendi handle'ını döndürdü (simetrik aktarım)",
    returned_false = "await_suspend false döndürdü",
    returned_void = "await_suspend void döndürdü",
    returned_true = "await_suspend true döndürdü",
    returned_noop = "await_suspend noop_coroutine() döndürdü",
    resumed_before_await_suspend = "await_suspend çağrılmadan önce devam ettirildi",
    destroyed_before_await_suspend = "await_suspend çağrılmadan önce yok edildi",
    state_prologue = "giriş kısmında",
    state_suspended_initial = "ilk askıya alma noktasında askıda",
    state_suspended = "askıda",
    state_suspended_final = "son askıya alma noktasında askıda",
    state_running = "çalışıyor",
    state_destroying = "yok ediliyor",
  },
  wrapper = {  -- :where ve sayfa: sarmalayıcının açıklamaları ve sözde deyimleri
    operator_new = "ya da get_return_object_on_allocation_failure()",
    promise = "kurucu, alıyorsa argümanları alır",
    get_return_object = "initial_suspend'den önce",
    initial_suspend = "burada await_transform yok",
    body = "co_await / co_yield / co_return",
    rethrow = "çağırana; frame sökülür",
    unhandled_exception = "fırlatırsa: biter, final_suspend çağrılmaz",
    final_suspend = "noexcept; await_transform yok",
    ["end"] = "buradan sona akmak frame'i yok eder",
    operand = "initial_suspend(), final_suspend(), yield_value(v) ya da e",
    await_transform = "gövdede, promise'te varsa",
    operator_co_await = "üye ya da üye olmayan, varsa",
    suspend = "askıya al: devam noktasını kaydet",
    await_suspend = "void, bool (false: devam et) ya da bir handle",
    ["return"] = "çağırana / devam ettirene dön ya da handle'a aktar",
    resume_point = "devam noktası",
    await_resume = "co_await'in değeri",
    awaiter_dies = "tam ifadenin sonu",
  },
  layout = {   -- :show: frame başlığının her alanı ne tutar
    resume = "devam fonksiyonu: h.resume()'un atladığı yer",
    destroy = "yok etme fonksiyonu: h.destroy()'un atladığı yer",
    promise = "promise nesnesi",
    state = "askıya alma sırası, durum, initial-await-resume-called, id",
    locals = "askıya almaları aşan parametre kopyaları ve yerel değişkenler",
    lua_promise = "promise tablosuna bir referans",
    lua_locals = "gövdenin Lua thread'i: yerel değişkenleri ve parametre kopyalarını tutar",
  },
  page = {     -- bir çalışmayı oynatan sayfa (player.html)
    title = "corolab çalışması",
    first_title = "ilk olay (Home)",
    prev_title = "önceki olay (sol ok)",
    play_title = "oynat / duraklat (boşluk)",
    next_title = "sonraki olay (sağ ok)",
    last_title = "son olay (End)",
    speed_title = "saniyedeki olay sayısı",
    slider = "olay",
    play = "oynat",
    pause = "duraklat",
    counter = "olay %d / %d",
    events = "olaylar",
    wrapper = "standardın yazdığı biçimde coroutine",
    body = "gövde",
    frames = "canlı frame'ler",
    keys = "← → adım · boşluk oynat/duraklat · Home/End · bir olaya tıklayınca oraya gidilir "
      .. "· adres (#event=N) konumu izler",
    no_explanation = "(bu olay için açıklama yok)",
    no_line = "(henüz gövde satırı yok)",
    no_source = "(kaynak kod yok)",
    no_frame = "canlı frame yok",
    no_events = "Bu çalışmada hiç olay yok.",
    idle = "devam ettirme zinciri: hiçbir şey çalışmıyor (kontrol main'de)",
    chain = "devam ettirme zinciri: %s",
    call = "çağrı",
    resume = "devam",
    destroy = "yok etme",
    transfer = "aktarım",
    call_title = "çağrı (çağıran, onun askıya alınmasını ya da bitmesini bekler)",
    resume_title = "devam ettirme (devam ettiren, onun askıya alınmasını bekler)",
    destroy_title = "yok etme (yıkıcılar çalışır, sonra frame serbest bırakılır)",
    transfer_title = "simetrik aktarım (await_suspend onun handle'ını döndürdü)",
    state = "durum",
    at = "yer",
    promise = "promise",
    awaiter = "awaiter",
    resumed_by = "devam ettiren",
    inferred = "çıkarım",
    inferred_title = "izlenen program bu olayı göremez; gördüğü olaylardan çıkar",
  },
  usage = {    -- corolab --help ve çalıştıramadığı bir komut satırı
    head = "kullanım: %s [seçenekler] [betik [argümanlar]]\nSeçenekler:",
    execute = "'stat' dizgesini çalıştır",
    interactive = "'script' çalıştıktan sonra etkileşimli moda geç",
    require = "'mod' kütüphanesini 'mod' global'ine yükle",
    require_as = "'mod' kütüphanesini 'g' global'ine yükle",
    version = "sürüm bilgisini göster",
    help = "bu yardımı göster",
    tour = "corolab'ı rehberli turuyla başlat",
    predict = "corolab'ı LESSON dersini tahmin oyunu olarak adımlayarak başlat",
    diff = "A ve B betiklerini çalıştır (ya da A.json kayıtlarını oynat), olaylarını yan yana "
      .. "göster",
    lang = "corolab'ın dili (varsayılan: LC_ALL, LC_MESSAGES ya da LANG'den)",
    order = "C++'ın belirtmediği sıralarda g++ 12 ya da clang 14 gibi davran (varsayılan: g++)",
    trace = "her yaşam döngüsü olayını olduğu anda yazdır",
    export = "kaydedilen çalışmayı çıkışta yaz (%s)",
    last = "seçenekleri işlemeyi bırak",
    stdin = "seçenekleri işlemeyi bırak ve stdin'i çalıştır",
    unrecognized = "tanınmayan seçenek '%s'",
    argument_needed = "'%s' seçeneğinden sonra bir argüman gerekir",
    two_scripts = "'%s' seçeneğinden sonra iki betik gerekir",
    play = "bir çalışma kaydını oynat (corolab/trace.hpp'nin ya da --export record'un)",
    play_alone = "bir kayıt tek başına oynatılır: '%s', --play ile birlikte çalıştırılamaz",
  },
  orders = {   -- C++'ın belirtmediği sıralar (coro.unspecified): ne, sonra g++ 12'nin ve
               -- clang 14'ün orada ne yaptığı (ui.unspecified_note söyler)
    argument_order = {"bir çağrının argümanlarının hangi sırayla değerlendirildiğini",
      "onları sondan başa doğru değerlendirir", "baştan sona doğru"},
    unsequenced_co_await = {"bir ifadenin birbirine göre sıralanmamış işlenenlerindeki "
      .. "co_await'lerin sırasını (co_await a + co_await b'deki gibi)",
      "önce bütün işlenenleri oluşturur, sonra sırayla her co_await'te askıya alır, sonra "
      .. "await_resume'larını sırayla çağırır",
      "her co_await'i bütün olarak (işleneni, askıya alması, await_resume'u) baştan sona "
      .. "değerlendirir"},
    parameter_destruction = {"parametre kopyalarının hangi sırayla yok edildiğini",
      "onları parametrelerin sırasıyla yok eder", "ters sırayla"},
    return_object_destruction = {"get_return_object'ten sonra başarısız olan bir çağrının "
      .. "dönüş nesnesini ne zaman yok ettiğini",
      "onu önce yok eder, sonra frame'i (~promise_type, ~parameters, operator delete)",
      "en son, operator delete frame'i serbest bıraktıktan sonra"},
  },
  words = {},  -- katlanan bir satırın asla içinden bölünmediği diziler (Türkçede boşluk var)
}
