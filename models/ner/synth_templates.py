"""Hand-written sentence templates in the style of Central Asian focus-group talk.

Slots: {P} {M} {F} a person (any, male, female) in a random surface form, or with a form
fixed: .gen (possessive: 's / -ning), .case (Uzbek case ending glued on), .addr (with a
form of address: "Akbar aka"), .full (given + surname), .sur (surname), .title
("Inspector Karimov" -> entity "Karimov"); Russian templates also .dat .rgen .ins.
Places: {district} {mahalla} {street} {village} {town} {region} {rucity} {country}
(LOC, the generic head word outside the entity), {org} (ORG); {money} is plain text.
Russian templates (prefix "ru|") render names in Cyrillic and cities as {rucity.gen}
{rucity.prep} {rucity.acc}.

Every fifth template of each topic (index % 5 == 2) is held out: used only for the
synthetic test split, never for train or dev.
"""

from __future__ import annotations

WEDDING = """
{F.addr} spent almost {money} on her son's wedding, and now she is in debt.
When {M} got married, his parents sold the cow to pay for the toy.
At {F.gen} wedding there were five hundred guests, it was in a restaurant in {town}.
In our {mahalla} makhalla the committee says weddings must be modest, but nobody listens.
{M.full} from {village} took a loan from {org} for the wedding.
My neighbour {F} said the bride's family in {district} district asked for a car as well.
We went to {M.case} to talk about the kalym, he wanted {money}.
{F}, you remember, the wedding on {street} lasted three days.
Honestly, weddings are the biggest expense, {P.addr} is right about that.
My sister {F} married a boy from {town}, and her mother-in-law {F.addr} is very strict.
Before the wedding, {M.gen} father went to Russia to earn money.
The restaurant owner in {town}, {M.title}, charges per guest now.
{F} told me that in {region} they even film the wedding with drones.
The nikoh was read by domla {M} in the mosque near {street}.
People compare: if {M} gave a big wedding, the next family must give a bigger one.
They borrowed from {F.case} and from relatives in {rucity}.
Last autumn {M.full} and {F.full} had their wedding in {district} tumani.
The khokim of {district} district, {M.title}, said the limit is two hundred guests.
For the sep, {F.gen} mother bought furniture worth {money}.
My uncle {M.addr} says a wedding without pilav for the whole makhalla is a shame.
{F} is only seventeen, but they already found her a groom in {village}.
The groom's side, {M.sur} family, wanted the wedding in a hall in {town}.
I paid back the wedding debt to {M.case} only after three years in {rucity}.
Even {F.addr} agreed that the gifts cost more than the wedding itself.
When my son {M} marries I will not make such a big toy, I promised my wife {F}.
Nobody asked {F} if she wanted to marry him.
The matchmakers came to {F.gen} parents three times before they agreed.
In {town} a wedding costs less than in {region}, {M} says.
It was {M.addr} who lent us the money for the dowry.
The bride, {F}, is from {village} and the groom from {district}.
"""

MIGRATION = """
My husband {M} has been working in {rucity} for six years, on a construction site.
{M.addr} went to Russia in 2015 and came back only twice.
My brother {M} sends money through {org} every month.
{M.full} from {village} works as a courier for {org} in {rucity}.
We have no men left in {mahalla} makhalla, they are all in {country}.
When {M} was in {rucity}, the police took his patent and he paid a fine.
{F} said her son {M} was deported and cannot enter Russia for five years.
Our neighbour {M.addr} went to Korea through the Agency, it cost him {money}.
{M.gen} wife stays with her in-laws in {village} while he is in {rucity}.
I worked in {rucity} with {M} and {M}, we lived twelve people in one room.
From {district} district almost every family has someone in {country}.
{M.sur} was the brigadier there, he did not pay us for three months.
The recruiter, a man called {M}, took our passports in {rucity}.
My cousin {F} works in a cafe in {rucity}, she says it is better than {town}.
We call {M.case} on WhatsApp every Friday night.
{M} went to Turkey first, then to {rucity}, and now he wants to go to Poland.
In {rucity} the employer, {M.title}, kept our money for the winter.
{F.addr} has not heard from her husband {M} since March.
The young boys from {village} leave after school, my grandson {M} too.
He flew from {region} to {rucity} and {M.addr} met him at the airport.
I had to sell gold to buy {M.gen} ticket to {rucity}.
Now {F} also works abroad, in {country}, she cleans houses.
Migrants from {town} usually go to {rucity} because {M.sur} brings them there.
At the border they checked {M.gen} documents for six hours.
My daughter-in-law {F} lives with us while {M} is away in {rucity}.
It is hard for the wives, {F.addr} waited nine years for her husband.
Our cousin {M} drowned in {rucity} and we brought him home.
The money from {M} goes to the house, we are still building it.
I know {M.full}, he took twenty boys from {village} to {rucity} last spring.
What happened to {M} there nobody knows, he stopped calling.
"""

VIOLENCE = """
{F} was beaten by her husband, but the makhalla told her to be patient.
When {F.addr} went to the police in {district}, the inspector sent her home.
Her mother-in-law {F} did not let her call her parents in {village}.
{F.full} lives on {street}, everyone knows what happens in that house.
The women's activist, {F.addr}, helped {F} get to the shelter in {town}.
{F.gen} husband drinks when he comes back from Russia.
The protection order was given by inspector {M.sur}, but he never checked.
If a woman complains, like {F} did, the whole makhalla talks about her.
{F} has three children and her husband {M} left her for another woman in {rucity}.
I told {F.case} to go to the crisis centre, but she was afraid.
My aunt {F} from {village} said her daughter-in-law is treated like a servant.
In {mahalla} mahallasi the oqsoqol {M.addr} decides these things, not the court.
{M} shouted at his wife in front of everybody at the bazaar in {town}.
Nobody helped {F} when she came to the makhalla office with bruises.
The psychologist at the {org} in {town}, {F.title}, talks to such women.
{F.addr} says a woman must keep the family together whatever happens.
After the divorce {F} went back to her parents in {district} district.
Her brother {M} came from {rucity} and took her away from that house.
The neighbours heard everything, but {F.addr} said it is their family business.
{F} wrote to the hotline, then {M.gen} relatives came and threatened her.
Everybody told {F} to go back to him for the children.
What happened to {F} was not the first time in {mahalla}.
The court in {town} gave the children to {M}, not to her.
{F.addr} said the inspector laughed at her when she came.
Our neighbour {F} now lives with her sister in {rucity}.
"""

MAKHALLA = """
The chairman of our makhalla, {M.addr}, lists who gets benefits.
{F} from the women's committee visits every house in {mahalla} makhalla.
We went to {M.case} at the makhalla office to get a paper.
In {mahalla} makhalla the chairman is {M.full}, he has been there for twenty years.
The makhalla in {village} decides who is put in the iron notebook.
{F.addr}, the deputy for women's affairs, came to our house twice.
The committee in {district} district held a meeting about the youth.
At the makhalla meeting {M} said the gas will come next year.
Our makhalla is {mahalla}, near {street}.
My neighbour {F} says the makhalla gave the subsidy to {M.gen} relatives.
The posbon, {M}, walks around {mahalla} makhalla at night.
{M.title} from the khokimiyat of {district} district promised a new road.
Only the people close to {M.addr} get into the youth notebook.
They opened a sewing course in {mahalla} mahallasi, {F} teaches there.
When my father died, {M.addr} and the makhalla paid for everything.
The new prevention inspector in {mahalla} is a young guy, {M.sur}.
{F.full} is the activist for women in {village}, everybody goes to her.
The meeting was at {M.gen} house because the office on {street} was closed.
For the social register, {F.addr} wrote down our income herself.
Ask {M.case}, he knows which families in {mahalla} get help.
Give the list to {F}, she will take it to the khokimiyat.
The money for the road was collected by {M.full} and nobody saw it.
We voted for {M}, but the khokimiyat appointed someone else.
The makhalla sent {F} to a course for seamstresses in {town}.
Without a paper from {M.addr} you cannot get a loan.
"""

POLICE = """
The district inspector {M.sur} knows every family on {street}.
The police in {town} stopped {M} and asked for money.
{M} spent two weeks in detention in {district} and nobody told his mother.
My son {M} was called to the police because of a Telegram post.
Inspector {M.full} from the {district} district department came to our school.
They said {M} was a member of some group, but it was a mistake.
Captain {M.sur} told us to sign a paper without reading it.
After the fight in {village}, the police took {M} and {M} to the station.
{F} wrote a complaint to the prosecutor in {town}, nothing happened.
The traffic police on the road to {town} take money from every driver, {M} says.
Major {M.sur} came to the makhalla and spoke about extremism.
When they searched {M.gen} house they found only books.
{F.addr} went to the station on {street} every day to ask about her son.
Our uchastkovy, {M.addr}, is a decent man, he helps people.
{M.full} was released after a year, but he is still on the list.
The police in {rucity} check migrants every day, {M} was taken twice.
My nephew {M} wants to work in the police in {region}.
Nobody in {mahalla} trusts the police after what happened to {M}.
Lieutenant {M.sur} from {district} asked about our neighbours.
I went with {F.addr} to the police because her daughter {F} disappeared.
Uchastkovy {M.sur} took our passports and kept them a week.
What happened to {M} after that, the police never explained.
They beat {M} at the station in {district}, his mother saw the bruises.
The prosecutor, {M.title}, closed the case in two days.
{F} paid the police so they would let her son go.
"""

RETURNEES = """
{M} came back from {rucity} last year and opened a small shop in {village}.
Since {M} returned, he cannot find work in {district} district.
{M.full} returned from Syria with his children, the makhalla helped them.
{F} came back from {country} with her two daughters.
People look at {M.case} differently now that he is back from {country}.
The returnees from {rucity} got a loan from {org} to buy a greenhouse.
My brother {M} came back because of the war, now he works in {town}.
{M.addr} says in {rucity} he earned three times more than here.
After {M} came home, his wife {F} went to work in {rucity} instead.
The women who came back, like {F.addr}, get a small pension now.
{M} brought a car from {rucity} and now he works as a taxi driver in {town}.
My son {M} has a re-entry ban, so he stays in {village} with us.
The project of {org} trained returnees like {M} to be welders.
{F.gen} son came back sick from {rucity} and nobody paid for his treatment.
When {M.sur} returned, the security service called him every week.
{F} says the children who came back from {country} go to school number 5 in {district}.
I met {M.addr} at the airport in {region}, he came back after ten years.
Returnees in {mahalla} makhalla are registered by {M.addr} personally.
{M.full} came back from prison in {rucity} and lives with his mother in {town}.
Without a job, {M} will go back to {country} next spring.
Give {M} a job and he will not go back.
The lawyer {F.full} helps returnees with their documents in {town}.
It took {M} two years to pay the fine and come home from {country}.
We welcomed {M.addr} back with a small party in {mahalla}.
Now {M} teaches the young men in {village} how to lay bricks.
"""

GENERAL = """
I agree with {P.addr}.
As {F} said, the main problem is money.
{F}, can you say more about that?
Thank you, {M}. Who else wants to add something?
{P} is right.
Like {P} said before, the young people leave.
My name is {P} and I live in {mahalla} makhalla.
I am {F}, I am a teacher at school number 12 in {district} district.
{F.addr}, what do you think?
The teacher, {F.title}, says the children of migrants study badly.
The doctor at the polyclinic in {town}, {F.full}, is very good.
My daughter {F} studies in {region} at the university.
We buy everything at {org} now, it is cheaper.
{F} opened a sewing workshop on {street}.
In {village} there is no gas, only in {town}.
My grandmother {F} lived in {district} district her whole life.
Our neighbours {M} and {F} moved to {region}.
{M} works at {org} as a driver.
{P} and I went to the bazaar in {town} on Monday.
I heard from {F.case} that the school in {village} will close.
{M} sent a voice message on Telegram from {rucity}.
On Navruz we cooked sumalak at {F.gen} house.
During Ramadan {M.addr} gives food to poor families in {mahalla}.
My father-in-law {M.full} was a teacher in Soviet times in {town}.
Sorry, {F.addr}, let {M} finish.
{P}: I think it depends on the family.
Yes, {F}, exactly, in {district} it is the same.
My friend {F.full} works for {org} in {region}.
{M.gen} children go to the kindergarten on {street}.
We were in {town} for the funeral of {M.gen} grandfather.
{F} and {F} sell bread at the bazaar in {district}.
The bus from {village} to {town} goes only twice a day, {F} says.
Can I answer, {F.addr}? In our family it was different.
I am {M.full}, I am fifty-two, I have four children.
The imam of our mosque, {M.addr}, also speaks about this on Fridays.
I used to work at {org} in {town}, then I moved to {region}.
{P}, you said before that your mother is from {village}?
My classmate {F} now lives in {country} and sends us photos on Instagram.
Everybody in {mahalla} knows {M.addr}, he fixes cars.
{M.title} at the hospital in {district} asked for money for the operation.
Let {F} speak, please.
Ask {M}, he knows better.
This is {F.full}, she works at the clinic in {district}.
Her name is {F}, she is my neighbour from {village}.
{P}, thank you for coming all the way from {town}.
"""

RUSSIAN = """
ru|Мой муж {M} уже пять лет работает в {rucity.prep}.
ru|Я позвонила {F.dat}, но она не ответила.
ru|Участковый {M.sur} сказал, что ничего не может сделать.
ru|Это было на свадьбе у {F.rgen}.
ru|{F} говорит, что в махалле {mahalla} все знают друг друга.
ru|Брат {M.rgen} вернулся из {rucity.gen} в прошлом году.
ru|Председатель махалли {M.full} дал нам справку.
ru|{M} и {F} уехали в {rucity.acc} на заработки.
ru|Мы жили на улице {street}, рядом с базаром.
ru|Спасибо, {F}.
ru|Да, я согласна с {F.ins}.
ru|Его забрали в полицию, а {F} до сих пор ждёт.
ru|В {rucity.prep} {M} работал на стройке без патента.
ru|Я работаю в {org}, а {M} на рынке.
ru|{M.full} из кишлака {village} занял деньги на свадьбу.
ru|Мы с {M.ins} вместе учились в {rucity.prep}.
ru|Свекровь {F.rgen} не разрешала ей работать.
ru|Инспектор {M.full} приходил к нам три раза.
ru|{F}, расскажите, пожалуйста, подробнее.
ru|У {M.rgen} нет работы с тех пор, как он вернулся из {rucity.gen}.
ru|Вчера {F} сказала, что уезжает в {rucity.acc}.
ru|Спросите у {M.rgen}, он лучше знает.
ru|Мою соседку зовут {F}, она из кишлака {village}.
ru|Что случилось с {M.ins}, никто не знает.
ru|{F.full} работает медсестрой в {rucity.prep}.
"""

NEGATIVE = """
I think the main problem is that there is no work here.
Thank God, my children are healthy.
During Ramadan people are kinder to each other.
We talk on Telegram every evening, it is free.
On Monday we went to the bazaar, everything is expensive.
Nobody wants to say these things in front of the makhalla.
Yes. Exactly. That is what I wanted to say.
The young people go to Russia because there is nothing to do here.
I agree, but it depends on the family.
After Eid the prices go up again.
Can you repeat the question, please?
In Soviet times it was different, everybody had a job.
My husband works abroad and I stay with the children.
Women cannot complain, the neighbours will talk.
We speak Uzbek at home and Russian at work.
Inshallah, next year things will be better.
The police do not come to our village, they only come when someone dies.
If you go to the khokimiyat they send you to another office.
Honestly, I do not know, I never thought about it.
Moderator: Let us move on to the next question.
The wedding lasted two days and cost more than a house.
Every Friday the men go to the mosque.
I sent the photos on WhatsApp, did you see them?
They say the Quran teaches patience, so women are patient.
The kindergarten is full, there is no place for my daughter.
We heard about it on Instagram, not from the makhalla.
In Tashkent life is expensive, in the village it is cheaper.
It was in September, when the cotton harvest started.
The Agency promised jobs in Korea, but nobody got one.
He came back in January and left again in March.
English is necessary now, all the children learn it.
Mothers-in-law are different, some are good, some are bad.
Navruz is the best holiday, everybody cooks together.
The gas is off again, we cook on wood.
I do not want to answer that question.
OK. Next.
She said no, and that was the end of it.
The Kazakh border is open now, people go by bus.
Tajik and Kyrgyz workers are there too, we all live together.
Covid was terrible, the borders were closed for a year.
Allah knows best.
Moscow is expensive, but the salaries are higher.
My son wants to study in Samarkand, at the medical institute.
We went to Russia by train, it took three days.
The patent costs a lot, and every month you have to pay.
Sometimes it is better not to say anything.
On Saturday there is a wedding, on Sunday a funeral, that is our life.
ru|Я не знаю, что сказать.
ru|В Москве работы много, но жить очень трудно.
ru|Честно говоря, мы об этом не говорим.
The Kazakh side of the border is calmer now.
Tajik weddings are not so expensive, they say.
On Tuesday the Russian police checked every bus.
Our Kyrgyz neighbours speak Uzbek very well.
The Uzbek language is used in school, Russian only at university.
During Ramadan nobody plays music at weddings.
After Hayit we visited the graves of our parents.
Thank God nobody was hurt.
Last week the Telegram channel posted the new prices.
In March the migrants come back for Navruz.
The Soviet factory closed and everybody left.
Inshallah my son will find a good job.
When the Covid started, we lost everything.
On Instagram everyone looks rich.
Every Thursday the women meet at the mosque for Quran lessons.
English teachers are paid better now.
The Hajj costs too much for ordinary families.
Ramadan, Eid, weddings, funerals: the money goes on them.
"""

TOPICS = {
    "wedding": WEDDING,
    "migration": MIGRATION,
    "violence": VIOLENCE,
    "makhalla": MAKHALLA,
    "police": POLICE,
    "returnees": RETURNEES,
    "general": GENERAL,
    "russian": RUSSIAN,
    "negative": NEGATIVE,
}


def templates(split: str) -> dict[str, list[str]]:
    """Templates per topic for 'train' (also dev) or 'test' (the held-out fifth)."""
    out: dict[str, list[str]] = {}
    for topic, block in TOPICS.items():
        lines = [t for t in block.strip().splitlines() if t.strip()]
        held = [t for i, t in enumerate(lines) if i % 5 == 2]
        out[topic] = held if split == "test" else [t for t in lines if t not in held]
    return out
